package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void anAppImageIsNamedUnderTheRegistryNodesPullFrom() {
        ImageReference image = ImageReference.parse("dd-app/shop:v12");

        assertThat(image.in("10.0.0.5:5000")).hasToString("10.0.0.5:5000/dd-app/shop:v12");
        assertThat(image.in("127.0.0.1:5000").repository()).isEqualTo("127.0.0.1:5000/dd-app/shop");
    }

    @Test
    void aRegistryHostAlreadyInTheNameIsReplacedNotNested() {
        ImageReference pushed = ImageReference.parse("127.0.0.1:5000/dd-app/shop:v1");

        assertThat(pushed.withoutRegistry()).isEqualTo("dd-app/shop");
        assertThat(pushed.in("registry.lan:5443")).hasToString("registry.lan:5443/dd-app/shop:v1");
        assertThat(ImageReference.parse("localhost/x:1").withoutRegistry()).isEqualTo("x");
        assertThat(ImageReference.parse("dropdeploy/static:caddy-2.6").withoutRegistry())
                .isEqualTo("dropdeploy/static");
    }

    @Test
    void aNameWithoutATagIsLatestAndAPortIsNotATag() {
        assertThat(ImageReference.parse("registry.lan:5443/shop"))
                .isEqualTo(new ImageReference("registry.lan:5443/shop", "latest"));
    }

    @Test
    void aDigestReferenceIsRefused() {
        assertThatThrownBy(() -> ImageReference.parse("shop@sha256:abc")).isInstanceOf(IllegalArgumentException.class);
    }
}

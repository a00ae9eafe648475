package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageBuildsTest {

    final List<String> tags = new ArrayList<>(List.of(
            "dd-app/shop:v1",
            "dd-app/shop:v2",
            "10.0.0.5:5000/dd-app/shop:v2",
            "dd-app/shop:v3",
            "10.0.0.5:5000/dd-app/shop:v3"));
    final List<String> removed = new ArrayList<>();
    final ImageBuilds images = new ImageBuilds(engine(), null, null, null);

    @Test
    void aKeptVersionKeepsTheNameNodesPullItByAndAPrunedOneLosesBoth() {
        images.prune("shop", Set.of("dd-app/shop:v3"));

        assertThat(removed)
                .containsExactlyInAnyOrder("dd-app/shop:v1", "dd-app/shop:v2", "10.0.0.5:5000/dd-app/shop:v2");
    }

    @Test
    void aProjectsVersionsAreListedOnceEachByTheNameTheirBuildGaveThem() {
        assertThat(images.tags("shop")).containsExactly("dd-app/shop:v3", "dd-app/shop:v2", "dd-app/shop:v1");
    }

    @Test
    void onlyAComponentWithADotOrAPortOrLocalhostIsARegistryHost() {
        assertThat(ImageBuilds.localName("registry.lan/dd-app/x:v1")).isEqualTo("dd-app/x:v1");
        assertThat(ImageBuilds.localName("localhost/dd-app/x:v1")).isEqualTo("dd-app/x:v1");
        assertThat(ImageBuilds.localName("dd-app/x:v1")).isEqualTo("dd-app/x:v1");
        assertThat(ImageBuilds.localName("x:v1")).isEqualTo("x:v1");
    }

    private ImageEngine engine() {
        return new ImageEngine() {
            @Override
            public String build(
                    java.io.InputStream context,
                    String tag,
                    java.util.Map<String, String> labels,
                    String network,
                    java.time.Duration timeout,
                    java.util.function.Consumer<String> output) {
                throw new UnsupportedOperationException("no builds here");
            }

            @Override
            public boolean exists(String imageReference) {
                return tags.contains(imageReference);
            }

            @Override
            public List<String> tagsWithLabel(String label, String value) {
                return List.copyOf(tags);
            }

            @Override
            public java.util.Map<String, Long> sizesByLabel(String label) {
                return java.util.Map.of();
            }

            @Override
            public void removeQuietly(String tag) {
                removed.add(tag);
            }

            @Override
            public java.nio.file.Path imageDirectory() {
                return null;
            }

            @Override
            public long pruneLeftovers() {
                return 0;
            }
        };
    }
}

package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AppAddressesTest {

    private final AppAddresses onPort80 =
            new AppAddresses(new RoutingProperties("apps.example.com", 80, "web", URI.create("http://localhost"), ""));

    @Test
    void aProjectLivesAtItsSlugUnderTheAppsDomain() {
        assertThat(onPort80.projectHost("shop")).isEqualTo("shop.apps.example.com");
        assertThat(onPort80.link("shop.apps.example.com")).isEqualTo("http://shop.apps.example.com");
    }

    @Test
    void eachVersionHasItsOwnSingleLabelHost() {
        assertThat(onPort80.versionHost("shop", 3)).isEqualTo("v3--shop.apps.example.com");
        assertThatIllegalArgumentException().isThrownBy(() -> onPort80.versionHost("shop", 0));
    }

    @Test
    void withACertificateResolverLinksAreHttpsAndOmitPort443() {
        AppAddresses production = new AppAddresses(new RoutingProperties(
                "apps.example.com", 443, "websecure", URI.create("http://traefik"), "letsencrypt"));

        assertThat(production.link(production.projectHost("shop"))).isEqualTo("https://shop.apps.example.com");
    }

    @Test
    void linksNameThePortUnlessItIs80() {
        AppAddresses local = new AppAddresses(
                new RoutingProperties("localhost", 8000, "web", URI.create("http://localhost:8000"), ""));
        assertThat(local.link(local.projectHost("shop"))).isEqualTo("http://shop.localhost:8000");
    }
}

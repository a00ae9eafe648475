package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AppAddressesTest {

    private final AppAddresses onPort80 = new AppAddresses(
            RoutingProperties.plainHttp("apps.example.com", 80, "web", URI.create("http://localhost")));

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
    void withHttpsOnLinksAreHttpsAndOmitPort443() {
        AppAddresses production = new AppAddresses(HttpsSettings.on("apps.example.com", 443));

        assertThat(production.link(production.projectHost("shop"))).isEqualTo("https://shop.apps.example.com");
        assertThat(production.link(production.versionHost("shop", 7))).isEqualTo("https://v7--shop.apps.example.com");
    }

    @Test
    void withHttpsOnAnotherPortLinksNameThatPortAndNotThePlainOne() {
        AppAddresses test = new AppAddresses(HttpsSettings.on("dd.test", 8443));

        assertThat(test.link(test.projectHost("shop"))).isEqualTo("https://shop.dd.test:8443");
    }

    @Test
    void httpsWithAPlainTraefikUrlIsRefusedBecauseNoSwitchCouldBeConfirmed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RoutingProperties(
                        "apps.example.com",
                        80,
                        "web",
                        URI.create("http://traefik:80"),
                        new RoutingProperties.Tls(true, "letsencrypt", "websecure", 443)))
                .withMessageContaining("DROPDEPLOY_TRAEFIK_URL")
                .withMessageContaining("https://traefik:443");
    }

    @Test
    void linksNameThePortUnlessItIs80() {
        AppAddresses local = new AppAddresses(
                RoutingProperties.plainHttp("localhost", 8000, "web", URI.create("http://localhost:8000")));
        assertThat(local.link(local.projectHost("shop"))).isEqualTo("http://shop.localhost:8000");
    }
}

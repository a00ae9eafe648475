package dev.dropdeploy.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.example.com/x",
                "file:///etc/passwd",
                "gopher://hooks.example.com/",
                "javascript:alert(1)",
                "https://user:pass@hooks.example.com/",
                "https:///no-host",
                "hooks.example.com/no-scheme",
                "   ",
                "http://exa mple.com/",
                "http://hooks.example.com:99999/"
            })
    void urlsThatAreNotPlainHttpToAHostAreRefused(String url) {
        assertThatThrownBy(() -> WebhookAddresses.parse(url)).isInstanceOf(WebhookUrlRefused.class);
    }

    @Test
    void anOverlongUrlIsRefused() {
        assertThatThrownBy(() -> WebhookAddresses.parse("https://hooks.example.com/" + "a".repeat(2000)))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessageContaining("longer");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "0.0.0.0",
                "10.0.0.5",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "198.18.0.1",
                "::1",
                "::",
                "fe80::1",
                "fd00::1",
                "fc00::1",
                "::ffff:127.0.0.1",
                "::ffff:10.1.2.3",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe"
            })
    void privateLoopbackAndLinkLocalAddressesAreRefused(String address) {
        WebhookAddresses vetting = new WebhookAddresses(false, host -> new InetAddress[] {ip(address)});

        assertThatThrownBy(() -> vetting.vet(URI.create("https://hooks.example.com/")))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessageContaining("public addresses only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesPass(String address) {
        WebhookAddresses vetting = new WebhookAddresses(false, host -> new InetAddress[] {ip(address)});

        assertThat(vetting.vet(URI.create("https://hooks.example.com/"))).isEqualTo(ip(address));
    }

    @Test
    void aNameWithOnePrivateAddressAmongPublicOnesIsRefused() {
        WebhookAddresses vetting =
                new WebhookAddresses(false, host -> new InetAddress[] {ip("8.8.8.8"), ip("192.168.0.10")});

        assertThatThrownBy(() -> vetting.vet(URI.create("https://hooks.example.com/")))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessageContaining("192.168.0.10");
    }

    @Test
    void aNameThatResolvesToAPrivateAddressOnTheSecondLookupIsRefusedThen() {
        Deque<InetAddress> answers = new ArrayDeque<>();
        answers.add(ip("93.184.215.14"));
        answers.add(ip("127.0.0.1"));
        WebhookAddresses vetting = new WebhookAddresses(false, host -> new InetAddress[] {answers.poll()});
        URI uri = URI.create("https://rebind.example.com/");

        assertThat(vetting.vet(uri)).isEqualTo(ip("93.184.215.14"));
        assertThatThrownBy(() -> vetting.vet(uri)).isInstanceOf(WebhookUrlRefused.class);
    }

    @Test
    void theInstallationSettingAllowsAReceiverOnThisMachine() {
        WebhookAddresses vetting = new WebhookAddresses(true, host -> new InetAddress[] {ip("127.0.0.1")});

        assertThat(vetting.vet(WebhookAddresses.parse("http://localhost:9000/hook")))
                .isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedInWords() {
        WebhookAddresses vetting = new WebhookAddresses(false, host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> vetting.vet(URI.create("https://nowhere.invalid/")))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessage("The host nowhere.invalid cannot be resolved");
    }

    @Test
    void anIpv6LiteralIsVettedWithoutItsBrackets() {
        WebhookAddresses vetting = new WebhookAddresses(false, host -> new InetAddress[] {ip(host)});

        assertThatThrownBy(() -> vetting.vet(WebhookAddresses.parse("http://[::1]:8080/hook")))
                .isInstanceOf(WebhookUrlRefused.class);
    }
}

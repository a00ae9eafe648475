package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    @Test
    void aForwardedForHeaderIsIgnoredWhenNoProxyIsTrusted() {
        assertThat(new ClientAddresses(List.of()).of(request("203.0.113.5", "198.51.100.1")))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedAddressIsIgnored() {
        assertThat(new ClientAddresses(List.of("10.0.0.2")).of(request("203.0.113.5", "198.51.100.1")))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void behindATrustedProxyTheEntryItAppendedIsTheClient() {
        // The client wrote "1.2.3.4" itself to dodge the throttle; the proxy appended the real address.
        assertThat(new ClientAddresses(List.of("10.0.0.2")).of(request("10.0.0.2", "1.2.3.4, 198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void aTrustedProxyCanBeNamedByItsHostNameBecauseAContainersAddressChanges() {
        assertThat(new ClientAddresses(List.of("localhost")).of(request("127.0.0.1", "198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void aProxyNameThatDoesNotResolveTrustsNobody() {
        assertThat(new ClientAddresses(List.of("no-such-proxy.invalid")).of(request("10.0.0.2", "198.51.100.1")))
                .isEqualTo("10.0.0.2");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}

package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitorRequestTest {

    @Test
    void aPathFromTheProjectIsEncodedSoTheRequestLineStaysOneLine() {
        assertThat(VisitorRequest.requestTarget("/my page.html")).isEqualTo("/my%20page.html");
        assertThat(VisitorRequest.requestTarget("/café.html")).isEqualTo("/caf%C3%A9.html");
        assertThat(VisitorRequest.requestTarget("/x.html\r\nHost: evil")).isEqualTo("/x.html%0D%0AHost:%20evil");
    }

    @Test
    void anOrdinaryPathWithAQueryIsSentAsItIs() {
        assertThat(VisitorRequest.requestTarget("/api/health?full=1&x=%2F")).isEqualTo("/api/health?full=1&x=%2F");
    }
}

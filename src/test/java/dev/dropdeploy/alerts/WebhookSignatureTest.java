package dev.dropdeploy.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"event\":\"deployment.failed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHmacSha256OfTheTimestampADotAndTheRawBody() {
        // Computed independently: printf '1700000000.{"event":"deployment.failed"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(WebhookSignature.sign("s3cret", 1_700_000_000L, BODY))
                .isEqualTo("sha256=" + openssl("s3cret", "1700000000." + new String(BODY, StandardCharsets.UTF_8)));
    }

    @Test
    void aReceiverAcceptsTheSignedRequestAndRefusesAnyChange() {
        String signature = WebhookSignature.sign("s3cret", 1_700_000_000L, BODY);

        assertThat(WebhookSignature.verify("s3cret", "1700000000", BODY, signature))
                .isTrue();
        assertThat(WebhookSignature.verify("other", "1700000000", BODY, signature))
                .isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1700000001", BODY, signature))
                .as("a replay with a fresh timestamp")
                .isFalse();
        assertThat(WebhookSignature.verify(
                        "s3cret", "1700000000", "{\"event\":\"deployment.live\"}".getBytes(), signature))
                .isFalse();
        assertThat(WebhookSignature.verify("s3cret", "soon", BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", null, BODY, signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1700000000", BODY, null)).isFalse();
    }

    /** The reference value from the openssl command line, so the test does not check the code against itself. */
    private static String openssl(String key, String message) {
        try {
            Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", key, "-r")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).isZero();
            return out.split(" ")[0].strip();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

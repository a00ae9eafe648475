package dev.dropdeploy.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-DropDeploy-Signature: sha256=<hex>}: HMAC-SHA256 with the project's secret over the timestamp header's
 * value, a dot and the raw body. The timestamp is signed with the body, so a captured request cannot be sent again
 * later with a fresh timestamp; receivers refuse timestamps older than a few minutes.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-DropDeploy-Signature";
    static final String TIMESTAMP_HEADER = "X-DropDeploy-Timestamp";
    static final String EVENT_HEADER = "X-DropDeploy-Event";
    static final String DELIVERY_HEADER = "X-DropDeploy-Delivery";

    private WebhookSignature() {}

    static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does, in constant time; here for the tests and as the reference the README describes. */
    static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader) {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("\\d{1,12}")) {
            return false;
        }
        byte[] expected = sign(secret, Long.parseLong(timestampHeader), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}

package dev.dropdeploy.git;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves a webhook came from a server that knows the hook's secret, on the raw body before anything reads it as JSON.
 * GitHub signs with {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>}, Gitea and Forgejo with the bare hex HMAC
 * in {@code X-Gitea-Signature} / {@code X-Forgejo-Signature}, and GitLab sends the secret itself in
 * {@code X-Gitlab-Token}. Every comparison takes the same time whatever the bytes. Gitea and Forgejo also send GitHub's
 * headers, so their own are looked at first.
 */
final class HookSignatures {

    /** What a verified hook is: who sent it and which event (for example {@code push}, {@code Push Hook}). */
    record Verified(Provider provider, String event) {

        boolean isPush() {
            return provider == Provider.GITLAB ? event.equals("Push Hook") : event.equals("push");
        }

        /** GitHub, Gitea and Forgejo also announce a deleted branch with an event of its own. */
        boolean isDelete() {
            return provider != Provider.GITLAB && event.equals("delete");
        }
    }

    private HookSignatures() {}

    /**
     * @param headers a request header by name (any case), or {@code null} when absent
     * @throws HookRefused when no provider's event header is present, or the signature is missing or wrong
     */
    static Verified verify(Function<String, String> headers, byte[] body, String secret) {
        String forgejo = headers.apply("X-Forgejo-Event");
        if (forgejo != null) {
            requireHmac(headers.apply("X-Forgejo-Signature"), "X-Forgejo-Signature", body, secret);
            return new Verified(Provider.FORGEJO, forgejo.strip());
        }
        String gitea = headers.apply("X-Gitea-Event");
        if (gitea != null) {
            requireHmac(headers.apply("X-Gitea-Signature"), "X-Gitea-Signature", body, secret);
            return new Verified(Provider.GITEA, gitea.strip());
        }
        String gitlab = headers.apply("X-Gitlab-Event");
        if (gitlab != null) {
            String token = headers.apply("X-Gitlab-Token");
            if (token == null || token.isEmpty()) {
                throw new HookRefused("The X-Gitlab-Token header is missing: set the secret token of this webhook");
            }
            if (!sameBytes(token.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                throw new HookRefused("The X-Gitlab-Token header is not this webhook's secret token");
            }
            return new Verified(Provider.GITLAB, gitlab.strip());
        }
        String github = headers.apply("X-GitHub-Event");
        if (github != null) {
            String signature = headers.apply("X-Hub-Signature-256");
            if (signature == null || !signature.strip().toLowerCase(Locale.ROOT).startsWith("sha256=")) {
                throw new HookRefused(
                        "The X-Hub-Signature-256 header is missing: set the secret of this webhook (content type"
                                + " application/json)");
            }
            requireHmac(signature.strip().substring("sha256=".length()), "X-Hub-Signature-256", body, secret);
            return new Verified(Provider.GITHUB, github.strip());
        }
        throw new HookRefused("Not a webhook of GitHub, GitLab, Gitea or Forgejo: no event header");
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}, as the servers compute it. */
    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void requireHmac(String given, String header, byte[] body, String secret) {
        if (given == null || given.isBlank()) {
            throw new HookRefused("The " + header + " header is missing: set the secret of this webhook");
        }
        byte[] expected = hmac(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!sameBytes(expected, actual)) {
            throw new HookRefused("The " + header + " signature does not match this webhook's secret");
        }
    }

    /** Constant time for equal lengths; {@link MessageDigest#isEqual} does not stop at the first difference. */
    private static boolean sameBytes(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}

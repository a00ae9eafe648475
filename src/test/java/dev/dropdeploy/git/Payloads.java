package dev.dropdeploy.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Push payloads in the documented shapes of GitHub, GitLab and Gitea (src/test/resources/git), and their headers. */
final class Payloads {

    private Payloads() {}

    static byte[] read(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/git/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header lookup as a servlet request does it: any case, {@code null} when absent. */
    static Function<String, String> headers(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return name -> byName.get(name.toLowerCase(Locale.ROOT));
    }

    static String githubSignature(String secret, byte[] body) {
        return "sha256=" + HookSignatures.hmac(secret, body);
    }
}

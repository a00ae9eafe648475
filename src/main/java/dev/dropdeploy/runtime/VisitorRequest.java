package dev.dropdeploy.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One plain HTTP/1.1 {@code GET} with a chosen {@code Host} header (the JDK client refuses to set it), so an app that
 * checks the host it is served on (Django's ALLOWED_HOSTS, virtual hosts) answers as it will to visitors.
 */
final class VisitorRequest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_HEADER_LINES = 100;

    private VisitorRequest() {}

    static VisitorAnswer get(String baseUrl, String host, String path) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            // A base URL with a path (the Swarm backend's probe relay) keeps it in front of the app's own path.
            String base = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/$", "");
            out.write(("GET " + base + requestTarget(path) + " HTTP/1.1\r\nHost: " + host
                            + "\r\nUser-Agent: DropDeploy-visitor-check\r\n"
                            + "Accept: text/html,application/json;q=0.9,*/*;q=0.8\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            return read(in);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new VisitorAnswer(0, "", why);
        }
    }

    /**
     * The path as a request line may carry it: a file name from the project ({@code my page.html}, {@code café.html},
     * or one with a line break) is percent-encoded, so it reaches the app as the file it names and never adds a line.
     */
    static String requestTarget(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`'
                    && c != '{' && c != '|' && c != '}') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The first characters of the body, whatever its framing (chunk sizes included): only ever searched for words. */
    private static String bodyStart(BufferedReader in) {
        char[] buffer = new char[VisitorAnswer.BODY_START];
        int filled = 0;
        try {
            for (int n; filled < buffer.length && (n = in.read(buffer, filled, buffer.length - filled)) > 0; ) {
                filled += n;
            }
        } catch (IOException slowOrCut) {
            // The status and headers already say what the check needs; a body that does not come is no body.
        }
        return new String(buffer, 0, filled);
    }

    private static VisitorAnswer read(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            return new VisitorAnswer(0, "", "not an HTTP answer: " + statusLine);
        }
        String contentType = "";
        for (int i = 0; i < MAX_HEADER_LINES; i++) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                break;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        int status = Integer.parseInt(parts[1]);
        // Only a 404 is read further (whose no-route page says an API); other answers cost no wait for a body.
        return new VisitorAnswer(status, contentType, "", status == 404 ? bodyStart(in) : "");
    }
}

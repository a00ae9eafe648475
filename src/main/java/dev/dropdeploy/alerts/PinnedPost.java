package dev.dropdeploy.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to an address chosen beforehand. The JDK's client resolves names itself, which would let a name
 * that resolved to a public address when vetted resolve to a private one when connecting; here the socket goes to the
 * vetted address, and HTTPS still checks the certificate against the URL's host name (SNI and host verification).
 * Redirects are not followed: a receiver's redirect could point anywhere.
 */
final class PinnedPost {

    private static final int MAX_STATUS_LINE = 8192;

    private PinnedPost() {}

    /** @return the receiver's HTTP status */
    static int send(
            URI uri,
            InetAddress address,
            Map<String, String> headers,
            byte[] body,
            Duration connectTimeout,
            Duration readTimeout)
            throws IOException {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            Socket channel = https ? tls(socket, host, port) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(head(uri, host, port, https, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(channel.getInputStream());
        } finally {
            socket.close();
        }
    }

    private static Socket tls(Socket socket, String host, int port) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("No TLS in this JDK", e);
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, bare, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
            parameters.setServerNames(List.of(new SNIHostName(bare)));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    static String head(URI uri, String host, int port, boolean https, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(defaultPort ? host : host + ":" + port)
                .append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(length)
                .append("\r\nConnection: close\r\nUser-Agent: DropDeploy-Webhook/1\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** Reads only the status line; the rest of the answer is of no use to a webhook sender. */
    static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.size() >= MAX_STATUS_LINE) {
                throw new IOException("The receiver's answer has no status line");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
        String[] parts = text.split(" ", 3);
        if (parts.length < 2 || !parts[0].toUpperCase(Locale.ROOT).startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("The receiver did not answer HTTP ("
                    + (text.isEmpty() ? "nothing" : "\"" + cut(text) + "\"") + ")");
        }
        return Integer.parseInt(parts[1]);
    }

    private static String cut(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}

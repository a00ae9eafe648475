package dev.dropdeploy.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.springframework.stereotype.Component;

/**
 * Asks Traefik, as a visitor would, which deployment answers for a host. A plain socket, because the JDK's HTTP
 * client refuses to set the Host header without a JVM-wide flag.
 */
@Component
public class TraefikProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** How DropDeploy's own checks introduce themselves; the waker never wakes an app for them. */
    public static final String USER_AGENT = "DropDeploy-cutover-check";

    private final URI traefik;

    TraefikProbe(RoutingProperties properties) {
        this.traefik = properties.traefikUrl();
    }

    /** The status code and the {@code X-DropDeploy-Deployment} header of {@code GET <path>} for {@code host}. */
    public Answer get(String host, String path) {
        boolean https = "https".equals(traefik.getScheme());
        int port = traefik.getPort() >= 0 ? traefik.getPort() : https ? 443 : 80;
        try (Socket socket = connect(port, https, Hostnames.requireValid(host))) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + Hostnames.requireValid(host)
                            + "\r\nConnection: close\r\nUser-Agent: " + USER_AGENT + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readHead(socket);
        } catch (IOException e) {
            return new Answer(0, Optional.empty());
        }
    }

    private Socket connect(int port, boolean https, String host) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(traefik.getHost(), port), (int) TIMEOUT.toMillis());
        plain.setSoTimeout((int) TIMEOUT.toMillis());
        if (!https) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) InsecureTls.FACTORY.createSocket(plain, traefik.getHost(), port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host))); // Traefik picks the router by SNI
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static Answer readHead(Socket socket) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String status = in.readLine();
        if (status == null || status.split(" ").length < 2) {
            return new Answer(0, Optional.empty());
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        String header = TraefikDynamicConfig.DEPLOYMENT_HEADER.toLowerCase(Locale.ROOT) + ":";
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith(header)) {
                return new Answer(
                        code, Optional.of(line.substring(header.length()).strip()));
            }
        }
        return new Answer(code, Optional.empty());
    }

    /** @param status 0 when Traefik could not be reached */
    public record Answer(int status, Optional<String> deployment) {}
}

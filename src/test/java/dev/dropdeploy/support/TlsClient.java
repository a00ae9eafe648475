package dev.dropdeploy.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS to a host name that only this test knows: the connection goes to {@code localhost:port}, while SNI, the
 * certificate's host check and the Host header all use the public name, as a browser's would after DNS. Only the
 * given root is trusted, so a handshake succeeds only with a certificate that root issued for that name.
 */
public final class TlsClient {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final SSLContext context;

    public TlsClient(X509Certificate trustedRoot) {
        this.context = trusting(trustedRoot);
    }

    /** {@code GET path} with {@code Connection: close}, read to the end. */
    public Answer get(int port, String host, String path) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            X509Certificate certificate = (X509Certificate) tls.getSession().getPeerCertificates()[0];
            OutputStream out = tls.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Answer.parse(new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8), certificate);
        }
    }

    /** One PEM certificate, for example a root from an ACME server's management API. */
    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a PEM certificate", e);
        }
    }

    /** {@code GET url} over HTTPS trusting only {@code root}, with the JDK's client (for names that resolve). */
    public static String fetch(String url, X509Certificate root) {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting(root))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return Http.send(client, HttpRequest.newBuilder(URI.create(url))).body();
    }

    private static SSLContext trusting(X509Certificate root) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("root", root);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a TLS context trusting " + root.getSubjectX500Principal(), e);
        }
    }

    /** @param headers names in lower case */
    public record Answer(int status, Map<String, String> headers, String body, X509Certificate certificate) {

        static Answer parse(String response, X509Certificate certificate) {
            int end = response.indexOf("\r\n\r\n");
            String[] head =
                    response.substring(0, end < 0 ? response.length() : end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            head[i].substring(colon + 1).strip());
                }
            }
            String body = end < 0 ? "" : response.substring(end + 4);
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, body, certificate);
        }
    }
}

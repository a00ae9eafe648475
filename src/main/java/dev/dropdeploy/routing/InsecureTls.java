package dev.dropdeploy.routing;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS that trusts any certificate, for one purpose only: asking our own Traefik which deployment answers. Right after
 * a first deployment Traefik may still serve its default certificate while Let's Encrypt issues the real one, and
 * the check is about the route, not the certificate. Never use it for anything a user's data travels over.
 */
final class InsecureTls {

    static final SSLSocketFactory FACTORY = create();

    private InsecureTls() {}

    private static SSLSocketFactory create() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

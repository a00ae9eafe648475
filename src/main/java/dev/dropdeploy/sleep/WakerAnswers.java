package dev.dropdeploy.sleep;

import java.util.regex.Pattern;

/** What the waker says: the waking page for browsers, and where a woken request is sent again. */
final class WakerAnswers {

    private static final Pattern SAFE_PATH = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e]*");

    private WakerAnswers() {}

    /** Browsers ask for HTML; API clients (curl's {@code *\/*}, JSON clients) are held instead. */
    static boolean browser(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * The visitor's own path and query, to send them back to once the app is up. Only a path on the same host: a
     * missing, protocol-relative ({@code //evil}) or otherwise odd path becomes {@code /}, so it can never redirect
     * anywhere else.
     */
    static String sameAddress(String originalPath, String query) {
        String path = originalPath != null && SAFE_PATH.matcher(originalPath).matches() ? originalPath : "/";
        if (query == null || query.isEmpty() || !SAFE_PATH.matcher("/" + query).matches()) {
            return path;
        }
        return path + "?" + query;
    }

    /** A page that reloads itself every {@code refreshSeconds} until the app answers instead. */
    static String wakingPage(String slug, int refreshSeconds) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="%d">
                <title>Waking up %s</title>
                <style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;
                color:#333;background:#fafafa}@media(prefers-color-scheme:dark){body{color:#ddd;background:#1e1e1e}}
                p{text-align:center}</style></head>
                <body><main><p><strong>%s</strong> is waking up.</p>
                <p>It slept because nobody used it for a while. This page reloads by itself in a moment.</p></main>
                </body></html>
                """.formatted(refreshSeconds, slug, slug);
    }
}

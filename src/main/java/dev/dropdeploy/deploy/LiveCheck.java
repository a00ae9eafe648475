package dev.dropdeploy.deploy;

import dev.dropdeploy.runtime.VisitorAnswer;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a visitor gets the app: a deployment is live only when its address answers what a visitor can use. The
 * answer is taken with the app's public host name, so host checks (Django's ALLOWED_HOSTS) count.
 *
 * <p>Counts as the app: any 2xx or 3xx; 401 (the app asks visitors to sign in); and a 404 with a JSON body on
 * {@code /}, which is how API frameworks (FastAPI, Spring Boot, Express with a JSON error handler) say they have no
 * page at {@code /} — an API with no root route — and a framework's own built-in 404 page on {@code /} ({@link
 * #NO_ROUTE}), which says the same. Anything else, 4xx or 5xx, fails the deployment with the status.
 * An app that serves its page elsewhere declares it as its health path (the report's {@code healthPath}).
 */
final class LiveCheck {

    /**
     * The 404 a server framework answers by itself when the app has no route at all for the path (the app did not
     * write it): Spring Boot's Whitelabel Error Page, Go's net/http and gin ("404 page not found"), Express ("Cannot
     * GET /"). Such an app is an API with no page at /, as with a JSON 404.
     */
    private static final java.util.regex.Pattern NO_ROUTE = java.util.regex.Pattern.compile(
            "Whitelabel Error Page|^\\s*404 page not found\\s*$|<pre>Cannot GET /</pre>|^Cannot GET /\\s*$",
            java.util.regex.Pattern.MULTILINE);

    private LiveCheck() {}

    /** Why visitors would not get the app, or empty when they would. */
    static Optional<String> failure(VisitorAnswer answer, String host, String path, String framework) {
        int status = answer.status();
        if (!answer.answered()) {
            return Optional.of("The app stopped answering when asked as a visitor of " + host + path + " ("
                    + answer.problem() + ").");
        }
        if (status < 400 || status == 401 || isApiWithoutRoot(answer, path)) {
            return Optional.empty();
        }
        return Optional.of("Visitors of " + host + path + " would get HTTP " + status + " from the app, so it is not"
                + " live. " + hint(status, path, framework));
    }

    /** Plain words for what a visitor sees, for the deployment log. */
    static String describe(VisitorAnswer answer, String path) {
        if (isApiWithoutRoot(answer, path)) {
            return "answers 404 "
                    + (answer.contentType().toLowerCase(Locale.ROOT).contains("json")
                            ? "with JSON"
                            : "with its framework's own no-route page")
                    + " on " + path + ": an API with no page at /, live";
        }
        return "answers " + answer.status() + " on " + path + (answer.status() == 401 ? " (asks to sign in)" : "");
    }

    private static boolean isApiWithoutRoot(VisitorAnswer answer, String path) {
        return answer.status() == 404
                && path.equals("/")
                && (answer.contentType().toLowerCase(Locale.ROOT).contains("json")
                        || NO_ROUTE.matcher(answer.body() == null ? "" : answer.body())
                                .find());
    }

    private static String hint(int status, String path, String framework) {
        if (status == 400 && "django".equals(framework)) {
            return "Django answers 400 when the host name is not in ALLOWED_HOSTS (DisallowedHost); DropDeploy adds"
                    + " the app's host names when the app runs with gunicorn, so check that settings do not replace"
                    + " ALLOWED_HOSTS later, or add the app's domain to ALLOWED_HOSTS.";
        }
        if (status == 404) {
            return "The app has no page at " + path + ": add a route for " + path
                    + " (an API can answer 404 with JSON there).";
        }
        if (status >= 500) {
            return "The app fails while serving " + path + "; its log below shows the error.";
        }
        return "The app refuses the request; check what it needs to serve " + path + " to a visitor.";
    }
}

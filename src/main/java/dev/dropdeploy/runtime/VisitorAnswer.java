package dev.dropdeploy.runtime;

/**
 * What a visitor gets from an app: one {@code GET} with the app's public host name, sent straight to its container.
 *
 * @param status the HTTP status, or 0 when the app did not answer
 * @param contentType the {@code Content-Type} header, empty when none
 * @param problem plain words when there was no answer, else empty
 * @param body the start of the answer's body (a few hundred characters at most), empty when none was read
 */
public record VisitorAnswer(int status, String contentType, String problem, String body) {

    /** Longest body start kept: enough to recognise a framework's built-in error page. */
    public static final int BODY_START = 512;

    public VisitorAnswer(int status, String contentType, String problem) {
        this(status, contentType, problem, "");
    }

    public boolean answered() {
        return status > 0;
    }
}

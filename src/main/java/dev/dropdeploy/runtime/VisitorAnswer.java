package dev.dropdeploy.runtime;

/**
 * What a visitor gets from an app: one {@code GET} with the app's public host name, sent straight to its container.
 *
 * @param status the HTTP status, or 0 when the app did not answer
 * @param contentType the {@code Content-Type} header, empty when none
 * @param problem plain words when there was no answer, else empty
 */
public record VisitorAnswer(int status, String contentType, String problem) {

    public boolean answered() {
        return status > 0;
    }
}

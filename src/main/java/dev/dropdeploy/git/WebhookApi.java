package dev.dropdeploy.git;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where GitHub, GitLab, Gitea and Forgejo send pushes. Open without a session or API key: the signature over the body
 * is the authentication (checked before the body is read as JSON), and the unguessable hook id only picks the
 * connection. Answers are plain text, which the servers show in their delivery logs.
 */
@RestController
@RequestMapping("/api/v1/hooks/git")
class WebhookApi {

    private final PushHooks hooks;
    private final GitProperties properties;

    WebhookApi(PushHooks hooks, GitProperties properties) {
        this.hooks = hooks;
        this.properties = properties;
    }

    @PostMapping(value = "/{hookId}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> push(@PathVariable String hookId, HttpServletRequest request) throws IOException {
        byte[] body = body(request);
        HookAnswer answer = hooks.receive(hookId, request::getHeader, body);
        return plain(answer.accepted() ? HttpStatus.ACCEPTED : HttpStatus.OK, answer.message());
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long limit = properties.hookBodyLimit().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new TooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw new TooLarge(limit);
            }
            return body;
        }
    }

    @ExceptionHandler(HookRefused.class)
    ResponseEntity<String> refused(HookRefused e) {
        return plain(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(UnknownHook.class)
    ResponseEntity<String> unknown(UnknownHook e) {
        return plain(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<String> tooLarge(TooLarge e) {
        return plain(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> notAPush(IllegalArgumentException e) {
        return plain(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }

    static final class TooLarge extends RuntimeException {

        TooLarge(long limit) {
            super("The webhook body is larger than " + (limit >> 10) + " KB; nothing was read");
        }
    }
}

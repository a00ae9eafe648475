package dev.dropdeploy.deploy;

import dev.dropdeploy.account.QuotaExceeded;
import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.WorkspaceException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One error format for the API (every controller of this package, and those of other modules marked
 * {@link ApiErrorFormat}): {@code {"error": code, "message": text}}.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class, annotations = ApiErrorFormat.class)
class ApiErrors {

    @ExceptionHandler(DeployApi.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(DeployApi.NotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(ProjectNotFound.class)
    ResponseEntity<Map<String, String>> noProject(ProjectNotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(QuotaExceeded.class)
    ResponseEntity<Map<String, String>> quota(QuotaExceeded e) {
        return error(HttpStatus.FORBIDDEN, "quota_exceeded", e.getMessage());
    }

    @ExceptionHandler(DeployRateLimit.Limited.class)
    ResponseEntity<Map<String, String>> limited(DeployRateLimit.Limited e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds))
                .body(Map.of("error", "rate_limited", "message", e.getMessage()));
    }

    @ExceptionHandler(ProjectControls.NothingToRun.class)
    ResponseEntity<Map<String, String>> conflict(ProjectControls.NothingToRun e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(PasteBodies.Unsupported.class)
    ResponseEntity<Map<String, String>> unsupported(PasteBodies.Unsupported e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> notJson(HttpMediaTypeNotSupportedException e) {
        return error(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Send this body as JSON (Content-Type: application/json)");
    }

    @ExceptionHandler(PasteBodies.TooLarge.class)
    ResponseEntity<Map<String, String>> tooLarge(PasteBodies.TooLarge e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "too_large", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    @ExceptionHandler({WorkspaceException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> badInput(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    /** A request that is fine in itself but not in the project's present state (it keeps data; too many services). */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    /** The engine refused or is away: the message says which, in plain words. */
    @ExceptionHandler(RuntimeFailure.class)
    ResponseEntity<Map<String, String>> engine(RuntimeFailure e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "engine_unavailable", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "The request body is not the JSON this endpoint takes");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}

package dev.dropdeploy.account;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** The API's one error format ({@code {"error": code, "message": text}}) for refusals made before any controller. */
final class JsonErrors {

    static final String MISSING_KEY = "Missing, unknown or revoked API key. Create one in the dashboard under"
            + " API keys and send it as 'Authorization: Bearer <key>' (the CLI reads DROPDEPLOY_API_KEY or"
            + " ~/.config/dropdeploy/api-key).";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrors() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(response, 401, "unauthorized", MISSING_KEY);
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "forbidden", "This key may not do that");
    }

    private static void write(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("WWW-Authenticate", "Bearer");
        JSON.writeValue(response.getOutputStream(), java.util.Map.of("error", code, "message", message));
    }
}

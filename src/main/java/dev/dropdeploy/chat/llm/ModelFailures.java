package dev.dropdeploy.chat.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong with the model endpoint and what to do, in words for the person chatting: the client libraries
 * often leave the message empty ("The model failed: null"), so the cause chain is read for the kind of failure.
 */
final class ModelFailures {

    private ModelFailures() {}

    static String describe(Throwable error, String baseUrl, String model) {
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) {
            String answer = describeOne(t, baseUrl, model);
            if (answer != null) {
                return answer;
            }
        }
        String detail = chain.stream()
                .map(Throwable::getMessage)
                .filter(m -> m != null && !m.isBlank())
                .findFirst()
                .orElse(error.getClass().getSimpleName());
        return "The model endpoint " + baseUrl + " failed (" + detail + "). Try again; if it keeps failing, check the"
                + " model settings.";
    }

    private static String describeOne(Throwable t, String baseUrl, String model) {
        return switch (t) {
            case UnknownHostException e -> unreachable(baseUrl, "its host name does not resolve");
            case UnresolvedAddressException e -> unreachable(baseUrl, "its host name does not resolve");
            case ConnectException e -> unreachable(baseUrl, "the connection was refused");
            case HttpTimeoutException e ->
                "The model endpoint " + baseUrl + " did not answer in time. It may be overloaded or the model still"
                        + " loading: try again in a moment, or raise dropdeploy.llm.timeout.";
            case AuthenticationException e ->
                "The model endpoint " + baseUrl + " refused the API key (HTTP 401/403). Check the key in the model"
                        + " settings.";
            case ModelNotFoundException e ->
                "The model endpoint " + baseUrl + " has no model named \"" + model + "\" (HTTP 404). Check the model"
                        + " name and that the base URL ends where the API starts (often /v1).";
            case RateLimitException e ->
                "The model endpoint " + baseUrl + " is rate-limiting requests (HTTP 429). Wait a minute and try"
                        + " again, or check the account's quota.";
            case HttpException e -> httpStatus(e.statusCode(), baseUrl);
            default -> null;
        };
    }

    private static String httpStatus(int status, String baseUrl) {
        String what = status >= 500
                ? "had an internal error: try again in a moment"
                : "refused the request: check the base URL, the model name and the API key in the model settings";
        return "The model endpoint " + baseUrl + " answered HTTP " + status + " and " + what + ".";
    }

    private static String unreachable(String baseUrl, String why) {
        return "The model endpoint " + baseUrl + " cannot be reached (" + why + "). Check that the model server is"
                + " running and that the base URL in the model settings is right.";
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

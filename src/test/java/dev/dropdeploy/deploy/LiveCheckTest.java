package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.runtime.VisitorAnswer;
import org.junit.jupiter.api.Test;

class LiveCheckTest {

    private static final String HOST = "shop.apps.example";

    private static VisitorAnswer answer(int status, String contentType) {
        return new VisitorAnswer(status, contentType, "");
    }

    @Test
    void aPageOrARedirectIsLive() {
        assertThat(LiveCheck.failure(answer(200, "text/html"), HOST, "/", "flask"))
                .isEmpty();
        assertThat(LiveCheck.failure(answer(302, ""), HOST, "/", "django")).isEmpty();
    }

    @Test
    void aFrameworksOwn404OnTheRootIsAnApiWithoutAPageButAnAppsOwn404PageIsNot() {
        for (String body : new String[] {
            "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error",
            "404 page not found\n",
            "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n<pre>Cannot GET /</pre>\n</body>\n</html>\n"
        }) {
            assertThat(LiveCheck.failure(new VisitorAnswer(404, "text/html", "", body), HOST, "/", null))
                    .as(body)
                    .isEmpty();
        }
        assertThat(LiveCheck.failure(
                        new VisitorAnswer(404, "text/html", "", "<h1>Page not found</h1>"), HOST, "/", null))
                .isPresent();
        assertThat(LiveCheck.failure(new VisitorAnswer(404, "text/plain", "", "404 page not found"), HOST, "/x", null))
                .isPresent();
    }

    @Test
    void djangosDisallowedHostFailsTheDeploymentWithTheStatusAndTheReason() {
        assertThat(LiveCheck.failure(answer(400, "text/html"), HOST, "/", "django"))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("HTTP 400")
                        .contains(HOST + "/")
                        .contains("ALLOWED_HOSTS"));
    }

    @Test
    void anApiThatAnswers404WithJsonOnTheRootIsLiveButAPageThatIsMissingIsNot() {
        assertThat(LiveCheck.failure(answer(404, "application/json"), HOST, "/", "fastapi"))
                .isEmpty();
        assertThat(LiveCheck.describe(answer(404, "application/json"), "/")).contains("an API with no page at /");
        assertThat(LiveCheck.failure(answer(404, "text/html; charset=utf-8"), HOST, "/", "express"))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("HTTP 404").contains("no page at /"));
        assertThat(LiveCheck.failure(answer(404, "application/json"), HOST, "/health", null))
                .as("a declared health path must answer")
                .isPresent();
    }

    @Test
    void anAppThatAsksVisitorsToSignInIsLive() {
        assertThat(LiveCheck.failure(answer(401, "text/html"), HOST, "/", null)).isEmpty();
    }

    @Test
    void aServerErrorOrNoAnswerIsNotLive() {
        assertThat(LiveCheck.failure(answer(500, "text/html"), HOST, "/", "flask"))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("HTTP 500").contains("log"));
        assertThat(LiveCheck.failure(new VisitorAnswer(0, "", "Connection refused"), HOST, "/", null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Connection refused"));
    }
}

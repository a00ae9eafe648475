package dev.dropdeploy.faults;

import static dev.dropdeploy.support.ApiClient.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.support.ApiClient;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.ProcessInstallation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL is gone for 30 s (its container stopped, as a crash or an upgrade of the database leaves it): DropDeploy
 * answers "temporarily unavailable" instead of errors, writes nothing half, apps keep serving, and work resumes.
 */
class DatabaseOutageIT {

    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void whilePostgresqlIsDownEveryRequestIsToldItIsTemporarilyUnavailableAndAfterwardsWorkResumes() {
        ProcessInstallation installation = ProcessInstallation.create(home);
        ApiClient api = null;
        try {
            installation.start();
            api = installation.newAccount();
            outageAndRecovery(installation, api);
        } finally {
            installation.close(api);
        }
    }

    private void outageAndRecovery(ProcessInstallation installation, ApiClient api) {
        String host = "steady.localhost";
        JsonNode live =
                api.awaitFinal(api.deploy("steady", Map.of("index.html", "<h1>steady one</h1>")), DEPLOY_TIMEOUT);
        assertThat(state(live)).as(live.toString()).isEqualTo("LIVE");
        String database = installation.postgres().getContainerId();

        installation.docker().stopContainerCmd(database).withTimeout(5).exec();
        long stopped = System.nanoTime();

        HttpResponse<String> refusedUpload = api.upload("halfway", Map.of("index.html", "<p>never</p>"));
        assertThat(refusedUpload.statusCode()).isEqualTo(503);
        assertThat(refusedUpload.body()).contains("temporarily unavailable");
        assertThat(refusedUpload.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> signIn = signIn(installation);
        assertThat(signIn.statusCode()).as("the sign-in form").isEqualTo(503);
        assertThat(signIn.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(signIn.body()).contains("temporarily unavailable");
        await("every API request refused plainly for the whole outage")
                .during(OUTAGE.minusNanos(System.nanoTime() - stopped))
                .atMost(OUTAGE.plusSeconds(30))
                .until(() -> {
                    HttpResponse<String> answer = api.send("GET", "/projects");
                    return answer.statusCode() == 503
                            && answer.body().contains("temporarily unavailable")
                            && installation.appStatus(host) == 200;
                });

        installation.docker().startContainerCmd(database).exec();
        long back = System.nanoTime();
        await("DropDeploy answers again")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.send("GET", "/projects").statusCode() == 200);
        Faults.report("PostgreSQL down 30 s", back, "apps served throughout");

        assertThat(api.projects()).as("nothing half-written").hasSize(1);
        assertThat(api.send("GET", "/projects/halfway").statusCode()).isEqualTo(404);
        JsonNode again =
                api.awaitFinal(api.deploy("steady", Map.of("index.html", "<h1>steady two</h1>")), DEPLOY_TIMEOUT);
        assertThat(state(again)).as("work resumes: " + again).isEqualTo("LIVE");
        assertThat(again.get("version").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> installation.appBody(host).contains("steady two"));
    }

    /** The dashboard's sign-in, posted as the login form posts it. */
    private static HttpResponse<String> signIn(ProcessInstallation installation) {
        return Http.send(HttpRequest.newBuilder(URI.create(installation.url() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=someone&password=correct+horse+battery")));
    }
}

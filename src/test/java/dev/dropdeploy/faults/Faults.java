package dev.dropdeploy.faults;

import static org.awaitility.Awaitility.await;

import dev.dropdeploy.support.ApiClient;
import java.time.Duration;
import java.util.Map;

/** How the fault tests report what they measured: one greppable line each, collected in the README. */
final class Faults {

    /** Builds in the engine for minutes: long enough to be killed in the middle of it. */
    static final Map<String, String> SLOW_BUILD = Map.of("Dockerfile", """
            FROM python:3.13-slim
            RUN echo slow build starts && sleep 300
            COPY . /app
            CMD ["python3", "-m", "http.server", "8080", "--directory", "/app"]
            """, "index.html", "<h1>never built</h1>");

    private Faults() {}

    /** Waits until a deployment of {@link #SLOW_BUILD} is in its slow step, inside the engine. */
    static void awaitSlowStep(ApiClient api, String deployment) {
        await("the build runs its slow step")
                .atMost(Duration.ofMinutes(3))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> api.send("GET", "/deployments/" + deployment + "/log.txt")
                        .body()
                        .contains("slow build starts"));
    }

    /** @param since {@link System#nanoTime()} when the broken part was back */
    static Duration report(String fault, long since, String note) {
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        System.out.printf(
                "FAULT-RECOVERY %s: %d ms (part back -> all apps serving / requests answered); %s%n",
                fault, took.toMillis(), note);
        return took;
    }
}

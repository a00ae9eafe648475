package dev.dropdeploy.runtime;

import java.util.List;

/**
 * How a health wait ended.
 *
 * @param healthy an HTTP response (any status below 500) came back from the app's port
 * @param exitCode the container's exit code when it stopped while we waited, else {@code null}
 * @param oomKilled the kernel killed it for exceeding its memory limit
 * @param logTail the last lines the app wrote, for explaining a failure
 * @param detail plain words: "answered 200 on / after 1.2 s", "exited with code 1", "no answer on port 8080 in 60 s"
 */
public record HealthOutcome(
        boolean healthy, Integer exitCode, boolean oomKilled, List<String> logTail, String detail) {}

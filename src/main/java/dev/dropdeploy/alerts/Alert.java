package dev.dropdeploy.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One alert about one project, before it is addressed to anyone.
 *
 * @param details the event's own fields for the JSON body ({@code reason}, {@code url}, {@code restarts}, …)
 * @param summary plain words for a toast, without the project's name
 */
record Alert(
        AlertKind kind,
        UUID projectId,
        UUID deploymentId,
        Integer version,
        Instant at,
        Map<String, Object> details,
        String summary) {}

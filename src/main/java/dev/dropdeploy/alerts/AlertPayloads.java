package dev.dropdeploy.alerts;

import dev.dropdeploy.workspace.ProjectSummary;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** The JSON body receivers get; its fields are listed in the README ("Alerts"). */
final class AlertPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertPayloads() {}

    static byte[] body(UUID deliveryId, Alert alert, ProjectSummary project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deliveryId.toString());
        body.put("event", alert.kind().event);
        body.put("occurredAt", alert.at().toString());
        body.put("project", Map.of("id", project.id().toString(), "slug", project.slug(), "name", project.name()));
        if (alert.deploymentId() != null) {
            Map<String, Object> deployment = new LinkedHashMap<>();
            deployment.put("id", alert.deploymentId().toString());
            deployment.put("version", alert.version());
            body.put("deployment", deployment);
        }
        body.putAll(alert.details());
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}

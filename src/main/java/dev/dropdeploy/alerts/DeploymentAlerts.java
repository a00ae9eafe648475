package dev.dropdeploy.alerts;

import dev.dropdeploy.deploy.DeploymentBecameLive;
import dev.dropdeploy.deploy.DeploymentFailed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the deploy module's outcomes into alerts; the pipeline's thread only hands them to the delivery queue. */
@Component
class DeploymentAlerts {

    private final WebhookDelivery delivery;
    private final Clock clock;

    DeploymentAlerts(WebhookDelivery delivery, Clock clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    @EventListener
    void on(DeploymentBecameLive live) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", live.url());
        details.put("versionUrl", live.versionUrl());
        delivery.raise(new Alert(
                AlertKind.DEPLOYMENT_LIVE,
                live.projectId(),
                live.deploymentId(),
                live.version(),
                clock.instant(),
                details,
                "version " + live.version() + " is live"));
    }

    @EventListener
    void on(DeploymentFailed failed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", failed.reason());
        delivery.raise(new Alert(
                AlertKind.DEPLOYMENT_FAILED,
                failed.projectId(),
                failed.deploymentId(),
                failed.version(),
                clock.instant(),
                details,
                "version " + failed.version() + " failed to deploy: " + failed.reason()));
    }
}

package dev.dropdeploy.deploy;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.runtime.AppContainer;
import dev.dropdeploy.workspace.ProjectSummary;
import java.util.UUID;

/** What one pipeline run has learned so far; each step reads what earlier steps wrote. */
final class DeploymentRun {

    final UUID deploymentId;
    final ProjectSummary project;
    final int version;
    DetectionReport report;
    String image;
    AppContainer container;

    DeploymentRun(UUID deploymentId, ProjectSummary project, int version) {
        this.deploymentId = deploymentId;
        this.project = project;
        this.version = version;
    }

    String routeName() {
        return RouteNames.project(project.slug());
    }

    String versionRouteName() {
        return RouteNames.version(project.slug(), version);
    }
}

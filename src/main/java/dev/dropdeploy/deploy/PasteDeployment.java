package dev.dropdeploy.deploy;

import java.util.List;

/** What a paste became, and the deployment it started. */
public record PasteDeployment(
        DeploymentView deployment,
        int version,
        List<String> files,
        List<String> added,
        List<String> notes,
        String summary) {}

package dev.dropdeploy.deploy;

import dev.dropdeploy.build.BuildFailure;
import dev.dropdeploy.build.BuildRequest;
import dev.dropdeploy.build.BuiltImage;
import dev.dropdeploy.build.Dockerfiles;
import dev.dropdeploy.build.GeneratedDockerfile;
import dev.dropdeploy.build.ImageBuilds;
import dev.dropdeploy.build.OwnDockerfileUnusable;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.StackDetector;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/** Checks the version out, detects its stack, writes its Dockerfile and builds the image. */
@Component
class BuildStep {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Workspaces workspaces;
    private final StackDetector detector;
    private final Dockerfiles dockerfiles;
    private final ImageBuilds images;
    private final DeploymentRecorder recorder;
    private final DeploymentLog log;
    private final AppContainers containers;

    BuildStep(
            Workspaces workspaces,
            StackDetector detector,
            Dockerfiles dockerfiles,
            ImageBuilds images,
            DeploymentRecorder recorder,
            DeploymentLog log,
            AppContainers containers) {
        this.workspaces = workspaces;
        this.detector = detector;
        this.dockerfiles = dockerfiles;
        this.images = images;
        this.recorder = recorder;
        this.log = log;
        this.containers = containers;
    }

    void run(DeploymentRun run) {
        Path checkout = createTempDir();
        try {
            workspaces.checkout(run.project.id(), run.version, checkout);
            run.report = detect(run, checkout);
            GeneratedDockerfile dockerfile = generate(run, checkout);
            markBuilding(run);
            BuiltImage image;
            try {
                image = build(run, checkout, dockerfile);
            } catch (OwnDockerfileFailed failed) {
                image = buildFromCode(run, checkout, failed);
            }
            run.image = image.tag();
        } finally {
            deleteQuietly(checkout);
        }
    }

    static DetectionReport readReport(String json) {
        return JSON.readValue(json, DetectionReport.class);
    }

    private DetectionReport detect(DeploymentRun run, Path checkout) {
        DetectionReport report = detector.detect(checkout);
        say(
                run,
                "detect",
                "Detected " + describe(report) + " (confidence " + Math.round(report.confidence() * 100) + "%), port "
                        + report.port());
        for (DetectionWarning warning : report.warnings()) {
            say(run, "detect", "Note: " + warning.message());
        }
        if (report.stack() == Stack.UNKNOWN) {
            throw new DeployStepFailed(
                    "DropDeploy could not tell what kind of app this is. "
                            + report.evidence().stream()
                                    .map(e -> e.reason())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""),
                    List.of());
        }
        return report;
    }

    /** May replace the run's report: a Dockerfile that cannot build here gives way to the code's own build. */
    private GeneratedDockerfile generate(DeploymentRun run, Path checkout) {
        GeneratedDockerfile generated;
        try {
            generated = dockerfiles.generate(run.report, checkout.resolve(run.report.buildContext()));
        } catch (OwnDockerfileUnusable unavailable) {
            generated = fromCode(run, checkout, unavailable);
        } catch (BuildFailure refused) {
            throw new DeployStepFailed(refused.getMessage(), List.of());
        }
        generated.notes().forEach(note -> say(run, "build", "Note: " + note));
        return generated;
    }

    private GeneratedDockerfile fromCode(DeploymentRun run, Path checkout, OwnDockerfileUnusable unavailable) {
        DetectionReport code = detector.detectFromCode(checkout);
        if (code.stack() == Stack.UNKNOWN) {
            throw new DeployStepFailed(unavailable.getMessage(), List.of());
        }
        say(
                run,
                "build",
                unavailable.getMessage() + ". DropDeploy builds the app from its code instead: detected "
                        + describe(code) + ", port " + code.port() + ".");
        run.report = code;
        try {
            return dockerfiles.generate(code, checkout.resolve(code.buildContext()));
        } catch (BuildFailure refused) {
            throw new DeployStepFailed(refused.getMessage(), List.of());
        }
    }

    private void markBuilding(DeploymentRun run) {
        recorder.update(
                run.deploymentId,
                (d, now) -> d.markBuilding(
                        run.report.stack().name(),
                        run.report.framework(),
                        JSON.writeValueAsString(run.report),
                        run.report.port(),
                        now));
    }

    /**
     * A project's own Dockerfile that fails at one of its steps (written for another platform, or broken upstream)
     * gives way to DropDeploy's build of the code when the code is an app it recognises: the deploy log says why, and
     * the Dockerfile's own error stays in the reason if that build fails too.
     */
    private BuiltImage buildFromCode(DeploymentRun run, Path checkout, OwnDockerfileFailed failed) {
        DetectionReport code = detector.detectFromCode(checkout);
        if (code.stack() == Stack.UNKNOWN) {
            throw failed.failure;
        }
        say(
                run,
                "build",
                "The project's Dockerfile failed: " + failed.failure.getMessage()
                        + " DropDeploy builds the app from its code instead: detected " + describe(code) + ", port "
                        + code.port() + ".");
        run.report = code;
        GeneratedDockerfile generated;
        try {
            generated = dockerfiles.generate(code, checkout.resolve(code.buildContext()));
        } catch (BuildFailure refused) {
            throw failed.failure;
        }
        generated.notes().forEach(note -> say(run, "build", "Note: " + note));
        recorder.update(
                run.deploymentId,
                (d, now) -> d.redetected(
                        code.stack().name(), code.framework(), JSON.writeValueAsString(code), code.port()));
        try {
            return build(run, checkout, generated);
        } catch (DeployStepFailed fromCode) {
            throw new DeployStepFailed(
                    failed.failure.getMessage() + " Built from its code instead, it failed too: "
                            + fromCode.getMessage(),
                    fromCode.evidence());
        }
    }

    /** The own Dockerfile's step failure, kept apart so that only it leads to the build from code. */
    private static final class OwnDockerfileFailed extends RuntimeException {
        final DeployStepFailed failure;

        OwnDockerfileFailed(DeployStepFailed failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private BuiltImage build(DeploymentRun run, Path checkout, GeneratedDockerfile dockerfile) {
        // A workspace member is built from its workspace root (the report says which).
        Path context = checkout.resolve(run.report.buildContext()).normalize();
        say(
                run,
                "build",
                "Building image " + new BuildRequest(run.project.slug(), run.version, "", context, null).tag());
        try {
            return images.build(
                    new BuildRequest(
                            run.project.slug(),
                            run.version,
                            run.deploymentId.toString(),
                            context,
                            dockerfile,
                            containers.buildNetwork()),
                    line -> log.append(run.deploymentId, "build", line));
        } catch (BuildFailure failure) {
            DeployStepFailed failed = new DeployStepFailed(FailureExplainer.buildFailure(failure), failure.lastLines());
            if (run.report.stack() == Stack.DOCKERFILE && failure.stepFailed()) {
                throw new OwnDockerfileFailed(failed);
            }
            throw failed;
        }
    }

    private static String describe(DetectionReport report) {
        String stack = report.stack().name().toLowerCase(java.util.Locale.ROOT);
        return report.framework() == null || report.framework().equals(stack)
                ? stack
                : report.framework() + " (" + stack + ")";
    }

    private void say(DeploymentRun run, String phase, String line) {
        log.append(run.deploymentId, phase, line);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("dropdeploy-checkout-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // a leftover temp folder is harmless; the deployment result matters more
        }
    }
}

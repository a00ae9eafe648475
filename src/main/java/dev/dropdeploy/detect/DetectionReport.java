package dev.dropdeploy.detect;

import java.util.List;

/**
 * What the detector decided about a source tree and why.
 *
 * @param framework for example {@code flask}, {@code fastapi}, {@code vite-react}, {@code express}, {@code
 *     spring-boot}, {@code gin}; {@code null} when none
 * @param runtimeVersion language/runtime version stated by the project ({@code "20"}, {@code "3.12"}, {@code
 *     "21"}), or {@code null} for the catalog's default
 * @param packageManager {@code npm}, {@code yarn}, {@code pnpm}, {@code bun}, {@code pip}, {@code poetry}, {@code
 *     uv}, {@code pipenv}, {@code maven}, {@code gradle}, {@code go}, {@code composer}, or {@code null}
 * @param appDirectory the deployed app's folder relative to the tree root ({@code ""} for the root); a single
 *     wrapper folder is already unwrapped into it
 * @param port the port the app listens on inside the container
 * @param healthPath the path a health probe should GET
 * @param staticOutputDir for {@link Stack#STATIC} and {@link Stack#SPA}: the folder served ({@code "."}, {@code
 *     dist}, {@code build}, {@code out}), relative to {@code appDirectory}; otherwise {@code null}
 * @param webServer {@code false} for programs that only print or read stdin
 * @param confidence 0..1
 * @param entrypoint the stack-specific thing that runs: the ASGI/WSGI object {@code src.app:app}, the Java main
 *     class, the Go package {@code ./cmd/server}, the Node script; {@code null} when the start command says it all
 * @param needs the package manager and the Debian packages the image needs besides its base image; never {@code
 *     null} once built (a report stored before this field existed reads it as {@code null}: use {@link
 *     BuildNeeds#of})
 * @param runForm for a program that does not serve HTTP: what its run page asks for; {@code null} for web apps
 * @param workspace the workspace the app is a member of, built from its root; {@code null} for an app on its own
 */
public record DetectionReport(
        Stack stack,
        String framework,
        String runtimeVersion,
        String packageManager,
        String appDirectory,
        Commands commands,
        int port,
        String healthPath,
        String staticOutputDir,
        boolean webServer,
        String entrypoint,
        double confidence,
        List<Evidence> evidence,
        List<Candidate> runnerUp,
        List<DetectionWarning> warnings,
        BuildNeeds needs,
        RunForm runForm,
        Workspace workspace) {

    /** The folder the image is built from: the workspace root for a workspace member, else the app's folder. */
    public String buildContext() {
        return workspace == null ? appDirectory : workspace.root();
    }
}

package dev.dropdeploy.build;

import dev.dropdeploy.detect.BuildNeeds;
import dev.dropdeploy.detect.Commands;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.Workspace;
import java.util.List;

/** Detection reports as the detector would write them, one per stack family, for the Dockerfile tests. */
final class Reports {

    private Reports() {}

    static DetectionReport expressWithPnpm() {
        return withNeeds(
                report(
                        Stack.NODE,
                        "express",
                        "pnpm",
                        new Commands("pnpm install --frozen-lockfile", null, "pnpm run start"),
                        3000,
                        null,
                        null),
                new BuildNeeds("pnpm@9.15.0", List.of(), List.of()));
    }

    static DetectionReport staticSite() {
        return report(Stack.STATIC, null, null, new Commands(null, null, null), 8080, ".", null);
    }

    static DetectionReport vite() {
        return report(
                Stack.SPA, "vite", "npm", new Commands("npm ci", "npm run build", "vite preview"), 8080, "dist", null);
    }

    static DetectionReport hugo() {
        return withNeeds(
                report(Stack.SPA, "hugo", null, new Commands(null, "hugo --minify", null), 8080, "public", null),
                new BuildNeeds(null, List.of("hugo"), List.of()));
    }

    static DetectionReport yarn(String install, String packageManagerPackage) {
        return withNeeds(
                report(Stack.NODE, "express", "yarn", new Commands(install, null, "node server.js"), 8080, null, null),
                new BuildNeeds(packageManagerPackage, List.of(), List.of()));
    }

    static DetectionReport node(String start) {
        return report(Stack.NODE, "express", "npm", new Commands("npm ci", null, start), 8080, null, null);
    }

    static DetectionReport nodeWithBuild(String start) {
        return report(
                Stack.NODE, "react-router", "npm", new Commands("npm ci", "npm run build", start), 3000, null, null);
    }

    static DetectionReport express() {
        return report(Stack.NODE, "express", "npm", new Commands("npm ci", null, "node server.js"), 3000, null, null);
    }

    static DetectionReport flask() {
        return python("pip install --no-cache-dir -r requirements.txt gunicorn", "gunicorn -b 0.0.0.0:$PORT 'app:app'");
    }

    static DetectionReport python(String install, String start) {
        return report(Stack.PYTHON, "flask", "pip", new Commands(install, null, start), 5000, null, "app:app");
    }

    static DetectionReport pythonWith(String packageManager, String install) {
        return report(
                Stack.PYTHON,
                "flask",
                packageManager,
                new Commands(install, null, "gunicorn -b 0.0.0.0:$PORT app:app"),
                8080,
                null,
                "app:app");
    }

    static DetectionReport springBootMaven() {
        return report(Stack.JAVA, "spring-boot", "maven", new Commands(null, null, null), 8080, null, null);
    }

    static DetectionReport springBootGradle() {
        return report(Stack.JAVA, "spring-boot", "gradle", new Commands(null, null, null), 8080, null, null);
    }

    static DetectionReport plainJava() {
        return report(Stack.JAVA, null, null, new Commands(null, null, null), 8000, null, "Main");
    }

    static DetectionReport goHttp() {
        return goHttp("./cmd/server");
    }

    static DetectionReport goHttp(String mainPackage) {
        return report(Stack.GO, null, "go", new Commands(null, null, null), 8080, null, mainPackage);
    }

    static DetectionReport goModule(String install) {
        return report(Stack.GO, null, "go", new Commands(install, null, null), 8080, null, ".");
    }

    static DetectionReport php() {
        return report(Stack.PHP, null, null, new Commands(null, null, null), 8000, null, null);
    }

    static List<DetectionReport> everyFamily() {
        return List.of(
                staticSite(),
                vite(),
                hugo(),
                express(),
                flask(),
                springBootMaven(),
                springBootGradle(),
                plainJava(),
                goHttp(),
                php());
    }

    static DetectionReport withStack(DetectionReport r, Stack stack, boolean webServer) {
        return copy(r, stack, webServer, r.warnings(), BuildNeeds.of(r.needs()));
    }

    static DetectionReport withRuntimeVersion(DetectionReport r, String version) {
        return new DetectionReport(
                r.stack(),
                r.framework(),
                version,
                r.packageManager(),
                r.appDirectory(),
                r.commands(),
                r.port(),
                r.healthPath(),
                r.staticOutputDir(),
                r.webServer(),
                r.entrypoint(),
                r.confidence(),
                r.evidence(),
                r.runnerUp(),
                r.warnings(),
                r.needs(),
                r.runForm(),
                r.workspace());
    }

    static DetectionReport withNeeds(DetectionReport r, BuildNeeds needs) {
        return copy(r, r.stack(), r.webServer(), r.warnings(), needs);
    }

    static DetectionReport withWarning(DetectionReport r, String code) {
        return copy(
                r,
                r.stack(),
                r.webServer(),
                List.of(new DetectionWarning(code, null, 0, code)),
                BuildNeeds.of(r.needs()));
    }

    /** The report as the member of a workspace at the tree root would have it. */
    static DetectionReport inWorkspace(DetectionReport r, String member, List<String> manifests) {
        return copy(
                r,
                r.stack(),
                r.webServer(),
                r.warnings(),
                BuildNeeds.of(r.needs()),
                new Workspace("", member, manifests));
    }

    private static DetectionReport copy(
            DetectionReport r, Stack stack, boolean webServer, List<DetectionWarning> warnings, BuildNeeds needs) {
        return copy(r, stack, webServer, warnings, needs, r.workspace());
    }

    private static DetectionReport copy(
            DetectionReport r,
            Stack stack,
            boolean webServer,
            List<DetectionWarning> warnings,
            BuildNeeds needs,
            Workspace workspace) {
        return new DetectionReport(
                stack,
                r.framework(),
                r.runtimeVersion(),
                r.packageManager(),
                r.appDirectory(),
                r.commands(),
                r.port(),
                r.healthPath(),
                r.staticOutputDir(),
                webServer,
                r.entrypoint(),
                r.confidence(),
                r.evidence(),
                r.runnerUp(),
                warnings,
                needs,
                r.runForm(),
                workspace);
    }

    private static DetectionReport report(
            Stack stack,
            String framework,
            String manager,
            Commands commands,
            int port,
            String staticDir,
            String entry) {
        return new DetectionReport(
                stack,
                framework,
                null,
                manager,
                "",
                commands,
                port,
                "/",
                staticDir,
                true,
                entry,
                0.9,
                List.of(),
                List.of(),
                List.of(),
                BuildNeeds.NONE,
                null,
                null);
    }
}

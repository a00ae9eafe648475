package dev.dropdeploy.build;

import dev.dropdeploy.detect.BuildNeeds;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-words remarks about the choices a generated Dockerfile made, for the user. */
final class DockerfileNotes {

    private DockerfileNotes() {}

    static List<String> of(Family family, DetectionReport report, Map<String, String> images, boolean ca) {
        List<String> notes = new ArrayList<>();
        if (warned(report, "NO_LOCKFILE")) {
            notes.add("No lockfile: dependency versions are resolved at build time, so two builds can differ;"
                    + " commit the lockfile for repeatable builds.");
        }
        if (family == Family.SPA) {
            notes.add("Built once, then served as static files by Caddy with a fallback to index.html;"
                    + (warned(report, "DEV_SERVER")
                            ? " the dev-server start script is not used."
                            : " no Node at run time."));
        }
        if (family == Family.SITE) {
            notes.add("Built once with " + report.framework() + " from Debian's packages, then served as static files"
                    + " by Caddy; nothing of the generator runs at run time.");
        }
        if (report.runtimeVersion() != null) {
            notes.add("Runtime version " + report.runtimeVersion() + " (" + versionReasons(report)
                    + "); the build uses " + String.join(" and ", images.values()) + " from the image catalog.");
        }
        notes.addAll(needsNotes(BuildNeeds.of(report.needs())));
        notes.addAll(familyNotes(family, report));
        if (report.workspace() != null) {
            notes.add("A member of a workspace: installed and built from "
                    + (report.workspace().root().isEmpty()
                            ? "the repository root"
                            : report.workspace().root())
                    + " with " + report.workspace().member() + " as the target, so its workspace packages and the"
                    + " root's dependencies are found; "
                    + (family == Family.SPA
                            ? "its output is served."
                            : "it runs in " + report.workspace().member() + "."));
        }
        if (ca) {
            notes.add("The configured extra CA certificates are trusted while dependencies download.");
        }
        notes.add("Runs as the non-root user uid " + DockerfileModel.UID + " and listens on port " + report.port()
                + " (PORT is set).");
        return List.copyOf(notes);
    }

    private static List<String> needsNotes(BuildNeeds needs) {
        List<String> notes = new ArrayList<>();
        if (needs.packageManager() != null) {
            notes.add("The package manager is installed from the npm registry (" + needs.packageManager()
                    + "), not through corepack, whose downloads this server cannot reach.");
        }
        if (!needs.buildPackages().isEmpty() || !needs.runtimePackages().isEmpty()) {
            notes.add("Some dependencies compile or link against system libraries, so Debian packages are installed"
                    + (needs.buildPackages().isEmpty()
                            ? ""
                            : ": " + String.join(" ", needs.buildPackages()) + " to build")
                    + (needs.runtimePackages().isEmpty()
                            ? ""
                            : "; " + String.join(" ", needs.runtimePackages()) + " to run")
                    + " (the detection evidence names the dependency).");
        }
        return notes;
    }

    private static List<String> familyNotes(Family family, DetectionReport report) {
        return switch (family) {
            case JAVA_MAVEN -> List.of("Built with the image's Maven; a Maven wrapper in the project is not used.");
            case JAVA_GRADLE ->
                List.of("Built with the project's Gradle wrapper (gradlew and gradle/ must be committed).");
            case JAVA_PLAIN ->
                List.of("Compiled with javac without a build tool: only the JDK's own classes are available.");
            case GO ->
                List.of("The binary built from "
                        + (report.entrypoint() == null ? "the module root" : report.entrypoint())
                        + " runs as the start command.");
            case PYTHON ->
                installsTheProject(report)
                        ? List.of("The install builds the project itself (pip install .), so it reruns on every source"
                                + " change; a requirements.txt or lockfile would let Docker cache it.")
                        : List.of();
            case PHP ->
                "composer".equals(report.packageManager())
                        ? List.of("Composer is not run: the image has no Composer, so commit vendor/.")
                        : List.of();
            default -> List.of();
        };
    }

    private static boolean installsTheProject(DetectionReport report) {
        String install = report.commands() == null ? null : report.commands().install();
        DependencyStep step = DependencyStep.python(report.packageManager(), install);
        return step != null && step.needsSource();
    }

    private static boolean warned(DetectionReport report, String code) {
        return report.warnings() != null
                && report.warnings().stream().map(DetectionWarning::code).anyMatch(code::equals);
    }

    /** Where the version comes from: what the project asks for, and what its lockfile allows. */
    private static String versionReasons(DetectionReport report) {
        List<String> reasons = (report.evidence() == null ? List.<Evidence>of() : report.evidence())
                .stream()
                        .filter(e -> e.decision().equals("runtimeVersion"))
                        .map(e -> e.file() + ": " + e.reason())
                        .toList();
        return reasons.isEmpty() ? "asked for by the project" : String.join("; ", reasons);
    }
}

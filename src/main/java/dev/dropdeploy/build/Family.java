package dev.dropdeploy.build;

import dev.dropdeploy.detect.DetectionReport;
import java.util.List;

/** A stack family: its template, the catalog images it builds from, and what it keeps out of the context. */
enum Family {
    STATIC("static", false, List.of("static"), List.of()),
    SPA("spa", true, List.of("node", "static"), List.of(".angular", ".svelte-kit")),
    /** A site generator that is a program of its own (Hugo): built in Debian with it, served by Caddy. */
    SITE("site", true, List.of("debian", "static"), List.of("resources/_gen")),
    NODE("node", true, List.of("node"), List.of(".next", ".nuxt")),
    PYTHON("python", true, List.of("python"), List.of(".pytest_cache", ".mypy_cache", "*.egg-info")),
    JAVA_MAVEN("java-maven", true, List.of("maven", "jre"), List.of("target")),
    JAVA_GRADLE("java-gradle", true, List.of("maven", "jre"), List.of("build", ".gradle")),
    JAVA_PLAIN("java-plain", false, List.of("maven", "jre"), List.of("target", "*.class")),
    GO("go", true, List.of("go", "debian"), List.of()),
    PHP("php", false, List.of("php"), List.of());

    final String template;
    /** Whether the build downloads anything, and so needs the extra CA certificates. */
    final boolean downloads;

    final List<String> baseImages;
    final List<String> ignored;

    Family(String template, boolean downloads, List<String> baseImages, List<String> ignored) {
        this.template = template;
        this.downloads = downloads;
        this.baseImages = baseImages;
        this.ignored = ignored;
    }

    /** Whether Caddy serves the build's files (no process of the app's own runs). */
    boolean servedAsFiles() {
        return this == STATIC || this == SPA || this == SITE;
    }

    static Family of(DetectionReport report) {
        return switch (report.stack()) {
            case STATIC -> STATIC;
            case SPA -> "hugo".equals(report.framework()) ? SITE : SPA;
            case NODE -> NODE;
            case PYTHON -> PYTHON;
            case JAVA -> java(report.packageManager());
            case GO -> GO;
            case PHP -> PHP;
            case DOCKERFILE -> throw new IllegalArgumentException("The project's own Dockerfile has no template");
            case UNKNOWN ->
                throw new IllegalArgumentException("No stack was detected, so there is no Dockerfile to write");
        };
    }

    private static Family java(String packageManager) {
        if ("maven".equals(packageManager)) {
            return JAVA_MAVEN;
        }
        return "gradle".equals(packageManager) ? JAVA_GRADLE : JAVA_PLAIN;
    }
}

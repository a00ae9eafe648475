package dev.dropdeploy.build;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the Dockerfile for a detected app from the stack family's template in {@code templates/}. The template owns
 * the dependency layer and, for compiled stacks, the build; the report's build and start commands are used for Node,
 * SPA, Python and PHP.
 */
@Component
public class Dockerfiles {

    private final BaseImages baseImages;
    private final Templates templates;
    private final Path caCertificates;
    private final RunPages runPages;

    @Autowired
    public Dockerfiles(BaseImages baseImages, BuildProperties properties, RunPageProperties runPage) {
        this.baseImages = baseImages;
        this.templates = new Templates(properties.templates());
        this.caCertificates = properties.caCertificates();
        this.runPages = new RunPages(templates, runPage);
    }

    /** With the run page's default limits (the command-line tools and tests). */
    public Dockerfiles(BaseImages baseImages, BuildProperties properties) {
        this(baseImages, properties, RunPageProperties.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException for a program that is not a web server or a tree whose stack is unknown
     */
    public GeneratedDockerfile generate(DetectionReport report) {
        if (report.stack() == Stack.DOCKERFILE) {
            return ownDockerfileUnread();
        }
        Family family = Family.of(report);
        Map<String, String> images = new LinkedHashMap<>();
        family.baseImages.forEach(name -> images.put(
                name,
                baseImages.resolve(name.equals("node") ? NodeRuntimes.catalogName(report.runtimeVersion()) : name)));
        Map<String, Path> extraFiles = family.downloads ? CaCertificates.in(caCertificates) : new LinkedHashMap<>();
        boolean ca = !extraFiles.isEmpty();
        if (family.servedAsFiles()) {
            // A single-page app falls back to its index.html; a generated site has a page (or a 404) for each path.
            String caddy = family == Family.SPA ? "spa" : "static";
            extraFiles.put(".dropdeploy/Caddyfile", templates.file("caddy/" + caddy + ".Caddyfile"));
        }
        if (family == Family.PYTHON
                && DockerfileModel.djangoWsgi(
                                report,
                                report.commands() == null
                                        ? null
                                        : report.commands().start())
                        != null) {
            extraFiles.put(".dropdeploy/dropdeploy_wsgi.py", templates.file("python/dropdeploy_wsgi.py"));
        }
        if (family == Family.PYTHON && DockerfileModel.relaxesPins(report)) {
            extraFiles.put(".dropdeploy/dropdeploy_pins.py", templates.file("python/dropdeploy_pins.py"));
        }
        if (family == Family.NODE && NodeLaunchers.servesExportedApp(report)) {
            extraFiles.put(NodeLaunchers.EXPORTED_APP, templates.file("node/serve-exported.mjs"));
        }
        if (family == Family.NODE) {
            extraFiles.put(NodeLaunchers.LISTEN_ALL, templates.file("node/listen-all.cjs"));
        }
        if (family == Family.NODE && NodeLaunchers.swapsAstroAdapter(report)) {
            extraFiles.put(NodeLaunchers.ASTRO_ADAPTER_SWAP, templates.file("node/astro-node-adapter.mjs"));
        }
        if (family == Family.PHP) {
            extraFiles.put(".dropdeploy/router.php", templates.file("php/router.php"));
        }
        Map<String, Object> model = DockerfileModel.of(family, report, images, ca);
        Map<String, String> generatedFiles = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>(DockerfileNotes.of(family, report, images, ca));
        if (!report.webServer()) {
            images.put("go", baseImages.resolve("go"));
            model.put("runPage", runPages.model());
            extraFiles.putAll(runPages.runnerSources());
            generatedFiles.put(RunPages.FORM_FILE, runPages.formJson(report));
            notes.add(RunPages.NOTE);
        }
        String dockerfile = templates.render(family.template + ".dockerfile", model);
        return new GeneratedDockerfile(
                dockerfile,
                dockerignore(family, report),
                Collections.unmodifiableMap(extraFiles),
                Collections.unmodifiableMap(generatedFiles),
                List.copyOf(notes));
    }

    private String dockerignore(Family family, DetectionReport report) {
        List<String> extra = new ArrayList<>(family.ignored);
        if ((family == Family.SPA || family == Family.SITE) && report.staticOutputDir() != null) {
            String member = report.workspace() == null ? "" : report.workspace().member() + "/";
            extra.add(member + report.staticOutputDir());
        }
        return templates.render("dockerignore", Map.of("extra", extra));
    }

    /**
     * The Dockerfile to build the app in {@code appFolder}: the project's own one once vetted (its base images become
     * the catalog's), else a generated one.
     *
     * @throws BuildFailure when the project's own Dockerfile names something a tenant may not use, with the line
     * @throws OwnDockerfileUnusable when it cannot build (a base image this installation cannot have, a file the
     *     project does not have): the app may then be built from its code
     */
    public GeneratedDockerfile generate(DetectionReport report, Path appFolder) {
        if (report.stack() != Stack.DOCKERFILE) {
            return generate(report);
        }
        String text = read(appFolder.resolve("Dockerfile"));
        OwnDockerfiles.Vetted vetted = new OwnDockerfiles(baseImages).vet(text);
        MissingCopySources.first(DockerfileInstructions.read(text).instructions(), appFolder)
                .ifPresent(missing -> {
                    throw new OwnDockerfileUnusable(
                            "The project's Dockerfile copies " + missing.source() + " ("
                                    + missing.instruction().location() + "), which the project does not have,"
                                    + " so it cannot build anywhere",
                            missing.instruction().keyword() + " "
                                    + missing.instruction().arguments());
                });
        List<String> notes = new ArrayList<>(vetted.notes());
        notes.add("The project's own Dockerfile is used with its own .dockerignore; DropDeploy's non-root user still"
                + " applies when it runs.");
        return new GeneratedDockerfile(
                vetted.dockerfile(), BuildContext.readIgnoreFile(appFolder), Map.of(), List.copyOf(notes));
    }

    /** Without the files (the CLI's preview) the project's own Dockerfile is only named. */
    private static GeneratedDockerfile ownDockerfileUnread() {
        return new GeneratedDockerfile(
                null, null, Map.of(), List.of("The project's own Dockerfile is used, its base images vetted"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildFailure("The project's " + file.getFileName() + " cannot be read", null, List.of());
        }
    }
}

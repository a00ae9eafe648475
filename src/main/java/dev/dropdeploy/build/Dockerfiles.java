package dev.dropdeploy.build;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public Dockerfiles(BaseImages baseImages, BuildProperties properties) {
        this.baseImages = baseImages;
        this.templates = new Templates(properties.templates());
        this.caCertificates = properties.caCertificates();
    }

    /**
     * @throws IllegalArgumentException for a program that is not a web server or a tree whose stack is unknown
     */
    public GeneratedDockerfile generate(DetectionReport report) {
        if (report.stack() == Stack.DOCKERFILE) {
            return ownDockerfile();
        }
        Family family = Family.of(report);
        Map<String, String> images = new LinkedHashMap<>();
        family.baseImages.forEach(name -> images.put(name, baseImages.resolve(name)));
        Map<String, Path> extraFiles = family.downloads ? CaCertificates.in(caCertificates) : new LinkedHashMap<>();
        boolean ca = !extraFiles.isEmpty();
        if (family == Family.STATIC || family == Family.SPA) {
            extraFiles.put(".dropdeploy/Caddyfile", templates.file("caddy/" + family.template + ".Caddyfile"));
        }
        if (family == Family.PHP) {
            extraFiles.put(".dropdeploy/router.php", templates.file("php/router.php"));
        }
        String dockerfile =
                templates.render(family.template + ".dockerfile", DockerfileModel.of(family, report, images, ca));
        return new GeneratedDockerfile(
                dockerfile,
                dockerignore(family, report),
                Collections.unmodifiableMap(extraFiles),
                DockerfileNotes.of(family, report, images, ca));
    }

    private String dockerignore(Family family, DetectionReport report) {
        List<String> extra = new ArrayList<>(family.ignored);
        if (family == Family.SPA && report.staticOutputDir() != null) {
            extra.add(report.staticOutputDir());
        }
        return templates.render("dockerignore", Map.of("extra", extra));
    }

    /** The project's Dockerfile and .dockerignore are used as they are; nothing is generated. */
    private static GeneratedDockerfile ownDockerfile() {
        return new GeneratedDockerfile(
                null,
                null,
                Map.of(),
                List.of("The project's own Dockerfile is used as it is: DropDeploy's CA certificates,"
                        + " non-root user and .dockerignore are not added."));
    }
}

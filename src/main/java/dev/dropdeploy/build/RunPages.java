package dev.dropdeploy.build;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.RunForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a program that does not serve HTTP adds to its image: the run page's server, built from the sources in {@code
 * templates/runner/}, the form read from the program ({@code run.json}) and the limits of a run.
 */
final class RunPages {

    static final String FORM_FILE = ".dropdeploy/run.json";
    static final String NOTE = "This program does not serve HTTP, so it gets a run page: a form read from its code, a"
            + " Run button and its output; each run is a fresh process in the app's container.";

    private static final String RUNNER = "runner";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Templates templates;
    private final RunPageProperties limits;

    RunPages(Templates templates, RunPageProperties limits) {
        this.templates = templates;
        this.limits = limits;
    }

    Map<String, Object> model() {
        return Map.of(
                "seconds", limits.timeLimit().toSeconds(),
                "outputBytes", limits.outputLimit().toBytes(),
                "concurrency", limits.concurrentRuns(),
                "uploadBytes", limits.uploadLimit().toBytes());
    }

    /** The runner's Go sources, keyed by their place in the build context. */
    Map<String, Path> runnerSources() {
        Path folder = templates.file(RUNNER + "/go.mod").getParent();
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .sorted()
                    .forEach(file -> files.put(
                            ".dropdeploy/" + RUNNER + "/"
                                    + folder.relativize(file).toString().replace('\\', '/'),
                            file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the run page's sources in " + folder, e);
        }
        return files;
    }

    /** The form for the page; a report stored before forms were read gets the form that asks for everything. */
    String formJson(DetectionReport report) {
        RunForm form = report.runForm() != null
                ? report.runForm()
                : RunForm.askingForEverything(report.entrypoint() == null ? "program" : report.entrypoint(), "");
        return JSON.writeValueAsString(form);
    }
}

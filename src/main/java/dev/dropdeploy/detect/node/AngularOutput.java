package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.scan.SourceTree;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where {@code ng build} writes: angular.json's outputPath, plus {@code browser/} for the application builder. */
final class AngularOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AngularOutput() {}

    static String of(SourceTree tree, String dir) {
        try {
            JsonNode projects = JSON.readTree(tree.textOrEmpty(SourceTree.join(dir, "angular.json")))
                    .path("projects");
            for (String name : projects.propertyNames()) {
                JsonNode build = projects.path(name).path("architect").path("build");
                JsonNode output = build.path("options").path("outputPath");
                boolean application = build.path("builder").asString("").endsWith(":application");
                String base = output.isObject() ? output.path("base").asString(null) : output.asString(null);
                if (base == null) {
                    base = "dist/" + name;
                }
                String browser = output.isObject() ? output.path("browser").asString("browser") : "browser";
                return application && !browser.isEmpty() ? base + "/" + browser : base;
            }
        } catch (JacksonException e) {
            // Fall through to Angular's default layout.
        }
        return "dist";
    }
}

package dev.dropdeploy.detect;

import dev.dropdeploy.detect.scaffold.GoModule;
import dev.dropdeploy.detect.scaffold.HostPage;
import dev.dropdeploy.detect.scaffold.ListenAddress;
import dev.dropdeploy.detect.scaffold.NodeManifest;
import dev.dropdeploy.detect.scaffold.PythonRequirements;
import dev.dropdeploy.detect.scaffold.Scaffold;
import dev.dropdeploy.detect.scaffold.SpringApplication;
import dev.dropdeploy.detect.scaffold.SpringBuild;
import java.util.List;
import java.util.Map;

/**
 * Completes pasted code into a deployable project: {@code requirements.txt} from Python imports, {@code
 * package.json} from Node imports, an {@code index.html} host page for lone JS/CSS, a start command for a single-file
 * Flask, FastAPI or Express app, {@code go.mod} for Go code, a Maven build for Spring code pasted without one and the {@code
 * @SpringBootApplication} class a Spring Boot controller needs; and one repair: a Node server is made to listen on 0.0.0.0:$PORT. A pure function: no I/O, the
 * input map is not modified, and nothing is pinned that cannot be known from the code.
 */
public final class Scaffolder {

    /** Whether a Java source is Spring code, which the scaffolder gives a Maven build when none was pasted. */
    public static boolean isSpringCode(String javaSource) {
        return SpringBuild.isSpringCode(javaSource);
    }

    public ScaffoldResult complete(Map<String, String> files) {
        Scaffold scaffold = new Scaffold(files);
        // Repairs first, so the steps that add files read the repaired code.
        for (var step : List.of(
                new ListenAddress(),
                new PythonRequirements(),
                new NodeManifest(),
                new HostPage(),
                new GoModule(),
                new SpringBuild(),
                new SpringApplication())) {
            step.accept(scaffold);
        }
        return new ScaffoldResult(
                Map.copyOf(scaffold.changed()),
                Map.copyOf(scaffold.added()),
                List.copyOf(scaffold.notes()),
                scaffold.startCommand());
    }
}

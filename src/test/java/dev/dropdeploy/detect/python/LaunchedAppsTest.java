package dev.dropdeploy.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchedAppsTest {

    private static final String GRADIO = """
            import gradio as gr

            def greet(name):
                return "Hello " + name

            demo = gr.Interface(fn=greet, inputs="text", outputs="text")
            demo.launch()
            """;

    @Test
    void aGradioScriptIsAWebAppLaunchedOnTheRoutedAddressThroughGradiosOwnVariables(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("app.py", GRADIO));

        assertThat(report.webServer()).isTrue();
        assertThat(report.framework()).isEqualTo("gradio");
        assertThat(report.commands().start())
                .isEqualTo("env GRADIO_SERVER_NAME=0.0.0.0 GRADIO_SERVER_PORT=$PORT GRADIO_ANALYTICS_ENABLED=False"
                        + " python app.py");
        assertThat(report.commands().install()).contains("gradio").doesNotContain("gunicorn");
    }

    @Test
    void aPortWrittenIntoTheLaunchCallIsFollowedAndALocalhostNameWarned(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "gradio\n",
                        "ui.py",
                        GRADIO.replace("demo.launch()", "demo.launch(server_name=\"127.0.0.1\", server_port=7860)")));

        assertThat(report.port()).isEqualTo(7860);
        assertThat(report.warnings()).anyMatch(w -> w.message().contains("server_name=\"127.0.0.1\""));
    }

    @Test
    void aDashAppRunsItselfWithItsHostFromTheEnvironmentUnlessItExposesItsFlaskServer(@TempDir Path dir) {
        String dash = """
                from dash import Dash, html

                app = Dash(__name__)
                app.layout = html.H1("Sales")

                if __name__ == "__main__":
                    app.run(debug=True)
                """;

        DetectionReport script = Trees.detect(dir.resolve("a"), Map.of("app.py", dash));
        DetectionReport served = Trees.detect(
                dir.resolve("b"), Map.of("app.py", dash.replace("app.layout", "server = app.server\napp.layout")));

        assertThat(script.webServer()).isTrue();
        assertThat(script.commands().start()).isEqualTo("env HOST=0.0.0.0 python app.py");
        assertThat(served.commands().start()).isEqualTo("gunicorn -b 0.0.0.0:$PORT app:server");
        assertThat(served.commands().install()).contains("gunicorn");
    }

    @Test
    void importingGradioWithoutLaunchingItLeavesTheScriptAScript(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir, Map.of("main.py", "import gradio\nprint(gradio.__version__)\n", "requirements.txt", "gradio\n"));

        assertThat(report.webServer()).isFalse();
    }
}

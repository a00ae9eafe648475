package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DependencyStepTest {

    @Test
    void aStartCommandThatRunsAnUndeclaredServerNamesItsDistribution() {
        assertThat(DependencyStep.pythonServer("gunicorn -b 0.0.0.0:$PORT 'app:app'"))
                .isEqualTo("gunicorn");
        assertThat(DependencyStep.pythonServer("/opt/venv/bin/uvicorn main:app --port $PORT"))
                .isEqualTo("uvicorn");
        assertThat(DependencyStep.pythonServer("waitress-serve --port=$PORT app:app"))
                .isEqualTo("waitress");
    }

    @Test
    void aStartCommandThatRunsPythonItselfNeedsNoServer() {
        assertThat(DependencyStep.pythonServer("python app.py")).isNull();
        assertThat(DependencyStep.pythonServer(null)).isNull();
    }
}

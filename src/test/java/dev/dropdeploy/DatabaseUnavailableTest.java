package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatabaseUnavailableTest {

    private final DatabaseUnavailable filter = new DatabaseUnavailable();

    private static FilterChain failingWith(RuntimeException e) {
        return (request, response) -> {
            throw e;
        };
    }

    @Test
    void anApiCallDuringAnOutageGets503InTheApisErrorFormat() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RuntimeException outage = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("pool timed out"));

        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/projects"), response, failingWith(outage));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString())
                .contains("\"error\":\"unavailable\"")
                .contains("apps keep serving");
    }

    @Test
    void theDashboardDuringAnOutageGetsAPlainMessage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RuntimeException wrapped = new IllegalStateException(
                "view failed",
                new CannotGetJdbcConnectionException("no connection", new java.sql.SQLException("refused")));

        filter.doFilter(new MockHttpServletRequest("GET", "/projects"), response, failingWith(wrapped));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("temporarily unavailable");
    }

    @Test
    void otherFailuresAreNotDisguisedAsAnOutage() {
        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("GET", "/api/v1/projects"),
                        new MockHttpServletResponse(),
                        failingWith(new IllegalStateException("a bug"))))
                .hasMessage("a bug");
    }
}

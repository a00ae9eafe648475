package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DockerFailuresTest {

    static final String HOST = "unix:///var/run/docker.sock";

    @Test
    void a_refused_connection_says_the_engine_is_not_reachable() {
        RuntimeException e = new RuntimeException(new IOException(new ConnectException("Connection refused")));

        assertThat(DockerFailures.explain("Starting x", HOST, e))
                .hasMessage("The Docker engine is not reachable at unix:///var/run/docker.sock: is it running?")
                .hasCause(e);
    }

    @Test
    void a_missing_socket_file_says_the_engine_is_not_reachable() {
        RuntimeException e = new RuntimeException(new IOException("[2] No such file or directory"));

        assertThat(DockerFailures.explain("Starting x", HOST, e)).hasMessageContaining("not reachable");
    }

    @Test
    void a_taken_name_is_explained_with_the_engine_message() {
        ConflictException e = new ConflictException(
                "Status 409: {\"message\":\"Conflict. The container name \\\"/dd-a\\\" is already in use\"}\n");

        assertThat(DockerFailures.explain("Starting dd-a", HOST, e).getMessage())
                .startsWith("Starting dd-a failed: the name is taken or the object is in use (Conflict.");
    }

    @Test
    void not_found_and_server_errors_are_named() {
        assertThat(DockerFailures.explain(
                        "Stopping x", HOST, new NotFoundException("Status 404: {\"message\":\"gone\"}")))
                .hasMessage("Stopping x failed: the Docker engine has no such image, container or network (gone)");
        assertThat(DockerFailures.explain("Starting x", HOST, new InternalServerErrorException("boom")))
                .hasMessage("Starting x failed: the Docker engine reported an error (boom)");
    }

    @Test
    void a_runtime_failure_passes_through_unchanged() {
        RuntimeFailure failure = new RuntimeFailure("already plain");

        assertThat(DockerFailures.explain("x", HOST, failure)).isSameAs(failure);
    }

    @Test
    void a_timeout_detail_names_the_port_and_the_path() {
        HealthOutcome outcome = HealthProbe.timedOut(
                "http://172.18.0.2:8080/health",
                Duration.ofSeconds(3),
                "connect: Connection refused",
                java.util.List.of());

        assertThat(outcome.healthy()).isFalse();
        assertThat(outcome.detail())
                .isEqualTo("no answer on port 8080 at /health in 3.0 s (last attempt: connect: Connection refused)");
    }

    @Test
    void running_out_of_network_address_ranges_names_the_engine_setting() {
        RuntimeException e = new InternalServerErrorException(
                "Status 500: {\"message\":\"could not find an available, non-overlapping IPv4 address pool among the"
                        + " defaults to assign to the network\"}");

        assertThat(DockerFailures.explain("Starting x", HOST, e)).hasMessageContaining("default-address-pools");
    }

    @Test
    void a_refused_probe_reads_as_connection_refused() {
        assertThat(HealthProbe.describe(new ConnectException())).isEqualTo("connection refused");
    }
}

package dev.dropdeploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dropdeploy node add} against a stand-in {@code docker} on the PATH that answers as an engine in the state the
 * test sets and records what it was asked to do, so no real swarm is touched.
 */
class NodeAddScriptTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, List<String> dockerCalls) {}

    @Test
    void anEngineOutsideSwarmModeIsExplainedAndLeftAloneWithoutInit() throws Exception {
        Run run = nodeAdd("inactive");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not in Swarm mode (single-engine mode", "./dropdeploy node add --init");
        assertThat(run.dockerCalls()).noneMatch(call -> call.startsWith("swarm init"));
    }

    @Test
    void initStartsTheSwarmAtTheGivenAddressAndPrintsTheJoinCommand() throws Exception {
        Run run = nodeAdd("inactive", "--init", "--advertise-addr", "10.1.2.3");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.dockerCalls()).contains("swarm init --advertise-addr 10.1.2.3");
        assertThat(run.err()).contains("starting a swarm with this machine as its manager, advertised at 10.1.2.3");
        assertThat(run.out())
                .contains("docker swarm join --token SWMTKN-1-worker 10.1.2.3:2377")
                .contains("apt-get install -y docker.io")
                .contains("{ \"insecure-registries\": [\"10.1.2.3:5000\"], \"no-new-privileges\": true }")
                .contains("./dropdeploy node ls");
    }

    @Test
    void anActiveSwarmIsNeverInitialisedAgainAndTheRegistrySettingIsPrinted() throws Exception {
        Run run = nodeAdd("active", "--init");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.dockerCalls()).noneMatch(call -> call.startsWith("swarm init"));
        assertThat(run.out())
                .contains("docker swarm join --token SWMTKN-1-worker 10.1.2.3:2377")
                .contains("\"insecure-registries\": [\"registry.lan:5443\"]");
    }

    @Test
    void aRegistryWithItsOwnCaIsTrustedThroughCertsDNotInsecureRegistries() throws Exception {
        Path ca = Files.writeString(
                dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        Run run = nodeAdd("active", List.of("DROPDEPLOY_REGISTRY_CA=" + ca));

        assertThat(run.out())
                .contains("/etc/docker/certs.d/registry.lan:5443/ca.crt", "MIIB")
                .contains("{ \"no-new-privileges\": true }")
                .doesNotContain("insecure-registries");
    }

    @Test
    void anUnknownOptionIsRefused() throws Exception {
        Run run = nodeAdd("active", "--token-please");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("unknown option --token-please");
    }

    private Run nodeAdd(String swarmState, String... options) throws Exception {
        return nodeAdd(swarmState, List.of(), options);
    }

    private Run nodeAdd(String swarmState, List<String> env, String... options) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Files.deleteIfExists(calls);
        Path docker = bin.resolve("docker");
        Files.writeString(docker, fakeDocker(swarmState, calls));
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new java.util.ArrayList<>(
                List.of(Path.of("dropdeploy").toAbsolutePath().toString(), "node", "add"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("DROPDEPLOY_REGISTRY", "registry.lan:5443");
        if (swarmState.equals("inactive")) {
            builder.environment().remove("DROPDEPLOY_REGISTRY");
        }
        env.forEach(pair ->
                builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
        Process process = builder.start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out")),
                Files.readString(dir.resolve("err")),
                Files.exists(calls) ? Files.readAllLines(calls) : List.of());
    }

    /** Answers {@code docker info --format} by the template asked for; {@code swarm init} makes the swarm active. */
    private static String fakeDocker(String state, Path calls) throws IOException {
        return """
                #!/usr/bin/env bash
                echo "$*" >> '%1$s'
                state_file='%1$s.state'
                [[ -f "$state_file" ]] || echo '%2$s' > "$state_file"
                case "$1 ${2:-}" in
                  "info --format")
                    case "$3" in
                      *LocalNodeState*) cat "$state_file" ;;
                      *ControlAvailable*) echo true ;;
                      *RemoteManagers*) echo '10.1.2.3:2377 ' ;;
                      *NodeAddr*) echo 10.1.2.3 ;;
                    esac ;;
                  "swarm init") echo active > "$state_file" ;;
                  "swarm join-token") echo SWMTKN-1-worker ;;
                  *) echo "unexpected: $*" >&2; exit 1 ;;
                esac
                """.formatted(calls, state);
    }
}

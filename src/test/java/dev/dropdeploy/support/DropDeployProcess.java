package dev.dropdeploy.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DropDeploy run as production runs it: {@code java -jar target/dropdeploy.jar} in a process of its own (the jar exists
 * since integration tests run after {@code package}), so a test can kill it with SIGKILL and start it again. Its output
 * goes to a log file beside its temporary folder, named in every failure.
 */
public final class DropDeployProcess {

    private static final Path JAR = Path.of("target/dropdeploy.jar");

    private final Path home;
    private final List<String> settings;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    /**
     * @param home its temporary folder ({@code home/tmp}) and logs live here
     * @param settings {@code --key=value} arguments, which win over application.yml
     */
    public DropDeployProcess(Path home, List<String> settings, Map<String, String> environment) {
        this.home = home;
        this.settings = List.copyOf(settings);
        this.environment = Map.copyOf(environment);
    }

    /** Starts it and waits until it reports healthy (start-up reconciliation has run by then). */
    public void start(int port, String... extraSettings) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + temporaryFolder(),
                "-jar",
                JAR.toString()));
        command.addAll(settings);
        command.addAll(List.of(extraSettings));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        // Generous: about 20 s on an idle machine, but minutes on a CI machine busy with other builds.
        await("DropDeploy healthy (log: " + log() + ")")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("DropDeploy exited at start-up:\n" + logTail());
                    }
                    return healthy(port);
                });
    }

    /** {@code kill -9}: no shutdown hook, no graceful end, exactly what a crash or the OOM killer leaves. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, the graceful shutdown {@code ./dropdeploy down} sends. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public Path temporaryFolder() {
        try {
            return Files.createDirectories(home.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Under target/, so it outlives the test's temporary folder. */
    public Path log() {
        try {
            return Files.createDirectories(Path.of("target/fault-logs"))
                    .resolve(home.getParent().getFileName() + "-" + home.getFileName() + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log() + ")";
        }
    }

    public int starts() {
        return starts;
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean healthy(int port) {
        try {
            return Http.get("http://localhost:" + port + "/actuator/health").statusCode() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }
}

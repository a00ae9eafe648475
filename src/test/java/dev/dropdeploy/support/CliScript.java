package dev.dropdeploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./dropdeploy} script as a user would, pointed at a DropDeploy by {@code DROPDEPLOY_URL} and
 * {@code DROPDEPLOY_API_KEY}, with a configuration folder of its own so no key file of this machine is read.
 */
public final class CliScript {

    /** What one run printed and how it ended. */
    public record Run(int exit, String out, String err) {}

    private final String url;
    private final Path scratch;

    /** @param scratch a folder for the key-file location and the captured output */
    public CliScript(String url, Path scratch) {
        this.url = url;
        this.scratch = scratch;
    }

    public Run run(String apiKey, String... args) throws IOException, InterruptedException {
        return runWithInput(apiKey, null, args);
    }

    /** @param apiKey {@code null} for none; @param stdin {@code null} for an empty standard input */
    public Run runWithInput(String apiKey, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(Path.of("dropdeploy").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DROPDEPLOY_PORT");
        env.remove("DROPDEPLOY_API_KEY");
        env.put("DROPDEPLOY_URL", url);
        env.put(
                "XDG_CONFIG_HOME",
                Files.createDirectories(scratch.resolve("config")).toString());
        if (apiKey != null) {
            env.put("DROPDEPLOY_API_KEY", apiKey);
        }
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the CLI finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}

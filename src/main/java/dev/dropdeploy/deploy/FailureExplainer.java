package dev.dropdeploy.deploy;

import dev.dropdeploy.build.BuildFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns exit codes and log lines into a sentence a person can act on. Rules are general (what the runtimes print),
 * checked most specific first; the last resort still names the exit code and the last lines.
 */
final class FailureExplainer {

    private static final Pattern PY_MISSING = Pattern.compile("ModuleNotFoundError: No module named '([^']+)'");
    private static final Pattern NODE_MISSING = Pattern.compile("Cannot find (?:module|package) '([^']+)'");
    private static final Pattern JAVA_MISSING =
            Pattern.compile("(?:ClassNotFoundException|NoClassDefFoundError):? (\\S+)");
    private static final Pattern LOCALHOST =
            Pattern.compile("(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):(\\d{2,5})", Pattern.CASE_INSENSITIVE);
    private static final Pattern LISTENING = Pattern.compile(
            "\\b(?:listening|running|started|serving|server)\\b\\D{0,40}?(?:port\\s*|:)(\\d{2,5})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s*at\\s");
    private static final Pattern ADDRESS_IN_USE = Pattern.compile("(?i)address already in use|EADDRINUSE");
    private static final Pattern ERROR_LINE =
            Pattern.compile("^(?:[\\w.$]*(?:Error|Exception)\\b:?|Caused by: |panic: |Error: |fatal error: |ERROR\\b)");
    /** The engine's own summary of a failed RUN, which the message already gives: never "the error" itself. */
    private static final Pattern ENGINE_SUMMARY =
            Pattern.compile("^The command '.*' returned a non-zero code: \\d+$|^executor failed running");
    /** Terminal colours that a build's output keeps once the escape character is gone. */
    private static final Pattern COLOURS = Pattern.compile("\\u001B\\[[0-9;]*m|\\[[0-9;]+m");
    /** Drivers' and ORMs' ways of saying a PostgreSQL server is missing or refused them (before LOCALHOST: 127.0.0.1:5432). */
    private static final Pattern DATABASE_UNREACHABLE = Pattern.compile(
            "(?i)could not connect to (?:server|the database)|connection to server (?:at|on) .{0,120}failed"
                    + "|password authentication failed|\\bP1001\\b|ECONNREFUSED \\S*:5432|:5432\\b.{0,60}refused"
                    + "|Sequelize\\w*Connection\\w*Error|ENOTFOUND postgres|PSQLException: Connection to"
                    + "|DATABASE_URL.{0,40}(?:not set|undefined|missing|KeyError)|KeyError: 'DATABASE_URL'");

    private static final Pattern STORE_UNREACHABLE = Pattern.compile(
            "(?i)ECONNREFUSED \\S*:6379|Error \\d+ connecting to \\S+:6379|redis\\.exceptions\\.ConnectionError"
                    + "|ENOTFOUND (?:redis|valkey)\\b|:6379\\b.{0,60}refused|KeyError: 'REDIS_URL'|WRONGPASS|NOAUTH");
    private static final Pattern MISSING_SCRIPT = Pattern.compile("(?i)missing script: \"?(\\w+)\"?");

    private FailureExplainer() {}

    /** Why a container did not become healthy. */
    static String startFailure(
            Integer exitCode, boolean oomKilled, int expectedPort, String memoryLimit, List<String> logs) {
        if (oomKilled || Integer.valueOf(137).equals(exitCode)) {
            return "The app ran out of memory (limit " + memoryLimit + ") and was stopped. Use less memory at start-up"
                    + " or raise the project's memory limit.";
        }
        Optional<String> specific = missingDependency(logs).or(() -> missingScript(logs));
        if (specific.isPresent()) {
            return specific.get();
        }
        Optional<String> data = unreachableData(logs);
        if (data.isPresent()) {
            return exitCode == null
                    ? data.get()
                    : "The app stopped during start-up with exit code " + exitCode + ". " + data.get();
        }
        Optional<String> local = find(LOCALHOST, logs);
        if (local.isPresent()) {
            return "Your app listens on 127.0.0.1:" + local.get() + ", which only the container itself can reach; it"
                    + " must listen on 0.0.0.0 (all interfaces), port " + expectedPort + " (the PORT variable).";
        }
        // Not from a stack frame: "ServerFirstProcessor.clientFinalProcessor(ScramSession.java:132)" names no port.
        Optional<String> port = find(
                        LISTENING,
                        logs.stream()
                                .filter(line -> !STACK_FRAME.matcher(line).find())
                                .toList())
                .filter(p -> Integer.parseInt(p) != expectedPort);
        if (port.isPresent()) {
            return "Your app listens on port " + port.get() + ", but DropDeploy sends traffic to port " + expectedPort
                    + ". Read the port from the PORT environment variable.";
        }
        if (logs.stream().anyMatch(line -> ADDRESS_IN_USE.matcher(line).find())) {
            return "Your app tried to open a port that something else in the container already uses.";
        }
        if (exitCode != null) {
            return "The app stopped during start-up with exit code " + exitCode + lastLine(logs);
        }
        return "The app did not answer HTTP on port " + expectedPort + " in time. Make sure it starts a web server"
                + " on 0.0.0.0 and the PORT environment variable" + lastLine(logs);
    }

    /**
     * An app that needs a database or store it cannot reach: the usual cause is that none is attached yet, or that the
     * code names a fixed address instead of reading the variable.
     */
    private static Optional<String> unreachableData(List<String> logs) {
        Optional<String> database = logs.stream()
                .filter(l -> DATABASE_UNREACHABLE.matcher(l).find())
                .findFirst();
        if (database.isPresent()) {
            return Optional.of(
                    "The app could not connect to its database ("
                            + cut(database.get().strip()) + "). Attach"
                            + " PostgreSQL under Data on the project page (or PUT /api/v1/projects/<name>/data/postgres) and"
                            + " read the address from DATABASE_URL, not a fixed host; the app gets it from its next deployment.");
        }
        return logs.stream()
                .filter(l -> STORE_UNREACHABLE.matcher(l).find())
                .findFirst()
                .map(line -> "The app could not connect to its Redis store (" + cut(line.strip()) + "). Attach Valkey"
                        + " under Data on the project page (or PUT /api/v1/projects/<name>/data/valkey) and read the"
                        + " address from REDIS_URL; the app gets it from its next deployment.");
    }

    /**
     * Why a build did not produce an image. A build stopped from outside says so plainly: its last lines did not cause it, so no cause is
     * read from them.
     */
    static String buildFailure(BuildFailure failure) {
        if (!failure.stepFailed() && failure.failedStep() != null) {
            return "The build was stopped during step \"" + failure.failedStep() + "\": " + failure.getMessage()
                    + lastLine(failure.lastLines());
        }
        return buildFailure(failure.getMessage(), failure.failedStep(), failure.lastLines());
    }

    /** Why a build did not produce an image, read from its step and last lines. */
    static String buildFailure(String message, String failedStep, List<String> lastLines) {
        String step = failedStep == null ? "" : " at step \"" + failedStep + "\"";
        Optional<BuildCauses.Cause> cause = BuildCauses.explain(lastLines);
        if (cause.isPresent()) {
            return "The build failed" + step + ": " + cause.get().reason() + " The error: "
                    + cut(cause.get().line());
        }
        Optional<String> specific = missingDependency(lastLines).or(() -> missingScript(lastLines));
        return "The build failed" + step + ": " + specific.orElse(message) + lastLine(lastLines);
    }

    private static Optional<String> missingDependency(List<String> logs) {
        return find(PY_MISSING, logs)
                .map(m -> "The Python package \"" + m + "\" is missing: add it to requirements.txt.")
                .or(() -> find(NODE_MISSING, logs)
                        .map(m -> "The Node package \"" + m + "\" is missing: add it to package.json dependencies."))
                .or(() -> find(JAVA_MISSING, logs)
                        .map(m -> "The Java class " + m + " is missing: check the dependencies in pom.xml."));
    }

    private static Optional<String> missingScript(List<String> logs) {
        return find(MISSING_SCRIPT, logs)
                .map(s -> "package.json has no \"" + s + "\" script; add one (for example \"" + s
                        + "\": \"node server.js\").");
    }

    private static Optional<String> find(Pattern pattern, List<String> logs) {
        for (int i = logs.size() - 1; i >= 0; i--) {
            Matcher m = pattern.matcher(logs.get(i));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The line that names the error: the last exception or panic line (a Python or Node error, a Java "Caused by", a
     * Go panic), which servers often follow with generic lines such as "Worker failed to boot"; else the last line.
     */
    private static String lastLine(List<String> logs) {
        List<String> lines = logs.stream()
                .map(l -> COLOURS.matcher(l).replaceAll("").strip())
                .filter(l -> !l.isEmpty() && !ENGINE_SUMMARY.matcher(l).find())
                .toList();
        int key = lines.size() - 1;
        while (key >= 0 && !ERROR_LINE.matcher(lines.get(key)).find()) {
            key--;
        }
        if (key < 0) {
            return lines.isEmpty() ? "." : ". Last output: " + cut(lines.getLast());
        }
        String error = lines.get(key);
        // "Build failed with 2 errors:" says only that there are errors: the first of them follows.
        if (error.endsWith(":") && key + 1 < lines.size()) {
            error = error + " " + lines.get(key + 1);
        }
        return ". The error: " + cut(error);
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

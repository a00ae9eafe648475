package dev.dropdeploy.detect;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code detect <dir> [--json]}: prints the detection report for people or for benchmarks. Runs without Spring so
 * that it answers in well under a second.
 */
public final class DetectCommand {

    private DetectCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = args.contains("--json");
        List<String> dirs = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (dirs.size() != 1 || !Files.isDirectory(Path.of(dirs.getFirst()))) {
            err.println("usage: detect <directory> [--json]");
            return 2;
        }
        DetectionReport report = new StackDetector().detect(Path.of(dirs.getFirst()));
        out.println(json ? toJson(report) : toText(report));
        return 0;
    }

    /** The report as is, plus a top-level {@code startCommand} that benchmarks and scripts read without nesting. */
    static String toJson(DetectionReport r) {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode json = mapper.valueToTree(r);
        json.put("startCommand", r.commands() == null ? null : r.commands().start());
        return mapper.writeValueAsString(json);
    }

    static String toText(DetectionReport r) {
        StringBuilder s = new StringBuilder();
        line(s, "stack", r.stack() + (r.framework() == null ? "" : " (" + r.framework() + ")"));
        line(s, "confidence", String.valueOf(r.confidence()));
        line(s, "app directory", r.appDirectory().isEmpty() ? "." : r.appDirectory());
        line(
                s,
                "built from",
                r.workspace() == null
                        ? null
                        : (r.workspace().root().isEmpty() ? "." : r.workspace().root()) + " (workspace root)");
        line(s, "runtime version", r.runtimeVersion());
        line(s, "package manager", r.packageManager());
        BuildNeeds needs = BuildNeeds.of(r.needs());
        line(s, "installed from", needs.packageManager() == null ? null : "npm registry: " + needs.packageManager());
        line(s, "build packages", needs.buildPackages().isEmpty() ? null : String.join(" ", needs.buildPackages()));
        line(s, "run packages", needs.runtimePackages().isEmpty() ? null : String.join(" ", needs.runtimePackages()));
        if (r.commands() != null) {
            line(s, "install", r.commands().install());
            line(s, "build", r.commands().build());
            line(s, "start", r.commands().start());
        }
        line(s, "entrypoint", r.entrypoint());
        line(s, "static output", r.staticOutputDir());
        line(s, "port", r.port() + (r.webServer() ? "" : " (not a web server)"));
        line(s, "health path", r.healthPath());
        line(s, "run page", r.runForm() == null ? null : runPage(r.runForm()));
        s.append("evidence:\n");
        r.evidence()
                .forEach(e -> s.append("  - ")
                        .append(e.decision())
                        .append(": ")
                        .append(e.reason())
                        .append(where(e.file(), e.line()))
                        .append('\n'));
        if (!r.runnerUp().isEmpty()) {
            s.append("runners-up:\n");
            r.runnerUp()
                    .forEach(c -> s.append("  - ")
                            .append(c.stack())
                            .append(c.framework() == null ? "" : " " + c.framework())
                            .append(" in ")
                            .append(c.directory().isEmpty() ? "." : c.directory())
                            .append(" score ")
                            .append(c.score())
                            .append(": ")
                            .append(c.reason())
                            .append('\n'));
        }
        if (!r.warnings().isEmpty()) {
            s.append("warnings:\n");
            r.warnings()
                    .forEach(w -> s.append("  ! ")
                            .append(w.code())
                            .append(": ")
                            .append(w.message())
                            .append(where(w.file(), w.line()))
                            .append('\n'));
        }
        return s.toString().stripTrailing();
    }

    private static void line(StringBuilder s, String label, String value) {
        if (value != null) {
            s.append(String.format("%-16s %s%n", label + ":", value));
        }
    }

    /** {@code fields --rate, principal; prompts 2; runs as it opens}: what the page will ask for. */
    private static String runPage(RunForm form) {
        List<String> parts = new ArrayList<>();
        if (!form.fields().isEmpty()) {
            parts.add("fields "
                    + form.fields().stream()
                            .map(f -> f.flag().isEmpty() ? f.name() : f.flag())
                            .collect(Collectors.joining(", ")));
        }
        if (!form.prompts().isEmpty()) {
            parts.add("prompts " + form.prompts().size());
        }
        if (form.freeArguments()) {
            parts.add("arguments");
        }
        if (form.stdin()) {
            parts.add("standard input");
        }
        if (form.upload()) {
            parts.add("an input file");
        }
        parts.add(form.autoRun() ? "runs as it opens" : "runs on request");
        return String.join("; ", parts);
    }

    private static String where(String file, int line) {
        return file == null ? "" : " [" + file + (line > 0 ? ":" + line : "") + "]";
    }
}

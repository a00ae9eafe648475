package dev.dropdeploy.detect.jvm;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts read from Java sources and Spring configuration. */
final class JavaSources {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern CLASS = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern MAIN = Pattern.compile("static\\s+(?:public\\s+)?void\\s+main\\s*\\(");
    private static final Pattern PROPERTY =
            Pattern.compile("^server\\.(port|address)\\s*[=:]\\s*(\\S+)", Pattern.MULTILINE);
    private static final Pattern YAML_SERVER =
            Pattern.compile("^server:\\s*\\n((?:[ \\t]+.*\\n?)*)", Pattern.MULTILINE);
    private static final Pattern YAML_KEY = Pattern.compile("^[ \\t]+(port|address):\\s*(\\S+)", Pattern.MULTILINE);

    private JavaSources() {}

    record MainClass(String fqcn, String file, int line, String source) {}

    /** The first class under {@code dir} whose text matches {@code marker} and has a main method. */
    static Optional<MainClass> mainClass(SourceTree tree, String dir, String marker) {
        Pattern markerPattern = Pattern.compile(marker);
        return tree.filesUnder(dir).stream()
                .filter(f -> f.extension().equals("java") && !f.path().contains("src/test/"))
                .limit(500)
                .map(f -> toMain(tree, f, markerPattern))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<MainClass> toMain(SourceTree tree, SourceFile f, Pattern marker) {
        String text = tree.textOrEmpty(f.path());
        Matcher main = MAIN.matcher(text);
        if (!main.find() || !marker.matcher(text).find()) {
            return Optional.empty();
        }
        Matcher pkg = PACKAGE.matcher(text);
        Matcher cls = CLASS.matcher(text);
        String name = cls.find() ? cls.group(1) : f.name().replace(".java", "");
        String fqcn = (pkg.find() ? pkg.group(1) + "." : "") + name;
        return Optional.of(new MainClass(fqcn, f.path(), SourceTree.lineAt(text, main.start()), text));
    }

    /** Spring's server.port/server.address: reported, and the port overridden by {@code -Dserver.port=$PORT}. */
    static void springServer(SourceTree tree, String module, Proposal p) {
        String resources = SourceTree.join(module, "src/main/resources/");
        for (SourceFile f : tree.filesUnder(SourceTree.join(module, "src/main/resources"))) {
            if (!f.name().matches("application(-\\w+)?\\.(properties|ya?ml)")
                    || !f.path().startsWith(resources)) {
                continue;
            }
            String text = tree.textOrEmpty(f.path());
            Matcher m = f.extension().equals("properties") ? PROPERTY.matcher(text) : yamlServer(text);
            int offset = f.extension().equals("properties") ? 0 : yamlOffset(text);
            while (m.find()) {
                int line = SourceTree.lineAt(text, offset + m.start());
                if (m.group(1).equals("port")) {
                    p.because(
                            "port",
                            f.path(),
                            line,
                            "server.port " + m.group(2) + " is overridden by -Dserver.port=$PORT ("
                                    + Proposal.DEFAULT_PORT + ")");
                } else if (m.group(2).matches("['\"]?(127\\.0\\.0\\.1|localhost)['\"]?")) {
                    p.warn(
                            Codes.BOUND_TO_LOCALHOST,
                            f.path(),
                            line,
                            "server.address " + m.group(2)
                                    + " is unreachable from outside a container; remove it or use 0.0.0.0.");
                }
            }
        }
    }

    private static Matcher yamlServer(String text) {
        Matcher block = YAML_SERVER.matcher(text);
        return YAML_KEY.matcher(block.find() ? block.group(1) : "");
    }

    private static int yamlOffset(String text) {
        Matcher block = YAML_SERVER.matcher(text);
        return block.find() ? block.start(1) : 0;
    }

    static Optional<String> javaVersion(String buildFile, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(buildFile);
            if (m.find()) {
                return Optional.of(m.group(1).replaceFirst("^1\\.", ""));
            }
        }
        return Optional.empty();
    }
}

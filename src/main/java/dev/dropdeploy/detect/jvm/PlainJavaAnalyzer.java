package dev.dropdeploy.detect.jvm;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Java sources with a main method and no build tool: compiled with javac. */
public final class PlainJavaAnalyzer implements Analyzer {

    private static final Pattern SERVER = Pattern.compile("HttpServer\\.create|new\\s+ServerSocket\\(");
    private static final Pattern FIXED_PORT =
            Pattern.compile("new\\s+(?:InetSocketAddress|ServerSocket)\\(\\s*(\\d{2,5})\\s*\\)");

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        boolean buildTool = tree.exists(SourceTree.join(dir, "pom.xml"))
                || tree.exists(SourceTree.join(dir, "build.gradle"))
                || tree.exists(SourceTree.join(dir, "build.gradle.kts"));
        if (buildTool) {
            return List.of();
        }
        return JavaSources.mainClass(tree, dir, "\\S")
                .filter(main -> main.file()
                                .substring(dir.isEmpty() ? 0 : dir.length() + 1)
                                .split("/")
                                .length
                        <= 6)
                .map(main -> proposal(dir, main))
                .map(List::of)
                .orElse(List.of());
    }

    private static Proposal proposal(String dir, JavaSources.MainClass main) {
        boolean web = SERVER.matcher(main.source()).find();
        Proposal p = new Proposal(
                        Stack.JAVA,
                        "plain-java",
                        dir,
                        web ? Kind.PLAIN_JAVA_SERVER : Kind.SCRIPT,
                        "Java main class " + main.fqcn() + " without a build tool, compiled with javac")
                .entrypoint(main.fqcn())
                .commands(
                        null,
                        "mkdir -p out && javac -d out $(find . -name '*.java' -not -path './out/*')",
                        "java -cp out " + main.fqcn())
                .because("entrypoint", main.file(), main.line(), "public static void main");
        if (!web) {
            return p.notWeb().because("webServer", main.file(), 0, "no HttpServer or ServerSocket in the main class");
        }
        Matcher fixed = FIXED_PORT.matcher(main.source());
        if (main.source().contains("\"PORT\"")) {
            p.because("port", main.file(), 0, "reads $PORT (" + Proposal.DEFAULT_PORT + ")");
        } else if (fixed.find()) {
            int line = SourceTree.lineAt(main.source(), fixed.start());
            int port = Integer.parseInt(fixed.group(1));
            p.port(port)
                    .because("port", main.file(), line, "hard-coded port " + port)
                    .warn(
                            Codes.HARDCODED_PORT,
                            main.file(),
                            line,
                            "Port " + port + " is hard-coded; read"
                                    + " System.getenv(\"PORT\") so the platform can choose.");
        }
        return p;
    }
}

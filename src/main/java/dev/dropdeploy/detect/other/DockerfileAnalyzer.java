package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The project's own Dockerfile is respected as it is: the author knew something we may not. */
public final class DockerfileAnalyzer implements Analyzer {

    private static final Pattern EXPOSE =
            Pattern.compile("^\\s*EXPOSE\\s+(\\d+)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        String path = SourceTree.join(dir, "Dockerfile");
        String text = tree.text(path).orElse(null);
        if (text == null || !text.toUpperCase(java.util.Locale.ROOT).contains("FROM")) {
            return List.of();
        }
        Proposal p = new Proposal(
                        Stack.DOCKERFILE,
                        null,
                        dir,
                        Kind.OWN_DOCKERFILE,
                        "The project has its own Dockerfile; it is used as is")
                .entrypoint("Dockerfile")
                .because(
                        "stack",
                        path,
                        SourceTree.lineOf(
                                text, Pattern.compile("^\\s*FROM", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE)),
                        "own Dockerfile, built as written");
        Matcher m = EXPOSE.matcher(text);
        if (m.find()) {
            p.port(Integer.parseInt(m.group(1)))
                    .because("port", path, SourceTree.lineAt(text, m.start()), "EXPOSE " + m.group(1));
        } else {
            p.warn(
                    Codes.NO_EXPOSE,
                    path,
                    0,
                    "The Dockerfile has no EXPOSE; DropDeploy assumes the app listens on $PORT ("
                            + Proposal.DEFAULT_PORT + "). Add 'EXPOSE <port>' if it listens elsewhere.");
        }
        return List.of(p);
    }
}

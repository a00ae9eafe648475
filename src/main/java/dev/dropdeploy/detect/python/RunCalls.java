package dev.dropdeploy.detect.python;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code app.run(...)} and {@code uvicorn.run(...)} in the app file. DropDeploy starts the app through a real server
 * on {@code $PORT}, so these lines do not run; their host and port are still reported because they show what the
 * author expected, and a localhost bind is the classic "works on my machine".
 */
final class RunCalls {

    private static final Pattern RUN = Pattern.compile("\\b(\\w+)\\.run\\(([^)]*)\\)");
    private static final Pattern HOST = Pattern.compile("host\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern PORT = Pattern.compile("port\\s*=\\s*(\\d+)");

    private RunCalls() {}

    static void inspect(SourceTree tree, String file, Proposal p) {
        String text = tree.textOrEmpty(file);
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (!target.equals("uvicorn") && !target.equals("app") && !text.contains(target + " = ")) {
                continue;
            }
            int line = SourceTree.lineAt(text, m.start());
            Matcher host = HOST.matcher(m.group(2));
            Matcher port = PORT.matcher(m.group(2));
            String bound = host.find() ? host.group(1) : (target.equals("uvicorn") ? "127.0.0.1" : "127.0.0.1");
            String portText = port.find() ? port.group(1) : (target.equals("uvicorn") ? "8000" : "5000");
            p.because(
                    "port",
                    file,
                    line,
                    m.group().trim() + " would listen on " + bound + ":" + portText
                            + "; not used: the start command binds 0.0.0.0:$PORT");
            if (bound.equals("127.0.0.1") || bound.equals("localhost")) {
                p.warn(
                        Codes.BOUND_TO_LOCALHOST,
                        file,
                        line,
                        m.group(1) + ".run(...) listens on " + bound + ":" + portText
                                + ", which is unreachable from outside a container. DropDeploy starts the app on 0.0.0.0:$PORT"
                                + " instead; if you run it yourself, use host='0.0.0.0'.");
            }
            return;
        }
    }
}

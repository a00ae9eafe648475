package dev.dropdeploy.detect.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pasted Node server that listens on 127.0.0.1/localhost or a fixed port is made to listen on 0.0.0.0 and on
 * {@code $PORT}: the same outcome a pasted Flask or FastAPI app gets from its start command ({@link
 * PythonRequirements}), reached by changing the code because Node has no server to start it through. Only the listen
 * call and the host and port values it reads change; a log line that prints "localhost" is left alone.
 */
public final class ListenAddress implements Scaffold.Step {

    private static final String LOOPBACK = "(?<q>['\"`])(?:localhost|127\\.0\\.0\\.1)\\k<q>";
    // Within the listen call's arguments, also an options object: .listen(3000, 'localhost') or .listen({ host: ... }).
    private static final Pattern LISTEN_HOST = Pattern.compile("(\\.listen\\([^)]*?)" + LOOPBACK);
    private static final Pattern LISTEN_PORT =
            Pattern.compile("(\\.listen\\(\\s*(?:\\{[^})]*?\\bport\\s*:\\s*)?)(\\d{2,5})\\b");
    // A constant is changed only when the listen call reads it: a database's "localhost" is not the server's address.
    private static final Pattern HOST_CONSTANT =
            Pattern.compile("(\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*)" + LOOPBACK);
    private static final Pattern PORT_CONSTANT =
            Pattern.compile("(\\b(?:const|let|var)\\s+(\\w+)\\s*(?::\\s*number\\s*)?=\\s*)(\\d{2,5})\\b(?!\\s*[|?])");
    private static final Pattern SERVER_CODE =
            Pattern.compile("\\brequire\\(|^\\s*import\\s|createServer\\(", Pattern.MULTILINE);
    private static final Pattern READS_PORT = Pattern.compile("process\\.env\\.PORT|process\\.env\\[['\"]PORT['\"]\\]");
    private static final String ENV_PORT = "Number(process.env.PORT) || ";

    @Override
    public void accept(Scaffold s) {
        for (String path : s.withExtension("js", "mjs", "cjs", "ts")) {
            String source = s.files().get(path);
            if (!source.contains(".listen(") || !SERVER_CODE.matcher(source).find()) {
                continue;
            }
            List<String> fixed = new ArrayList<>();
            String repaired = LISTEN_HOST.matcher(source).replaceAll("$1${q}0.0.0.0${q}");
            repaired = constants(repaired, HOST_CONSTANT, m -> m.group(1) + m.group("q") + "0.0.0.0" + m.group("q"));
            if (!repaired.equals(source)) {
                fixed.add("on 0.0.0.0 instead of localhost, which nobody outside its container can reach");
            }
            if (!READS_PORT.matcher(repaired).find()) {
                String withPort = LISTEN_PORT.matcher(repaired).replaceAll("$1" + ENV_PORT + "$2");
                withPort = constants(withPort, PORT_CONSTANT, m -> m.group(1) + ENV_PORT + m.group(3));
                if (!withPort.equals(repaired)) {
                    fixed.add("on the port in $PORT (the old port when it is unset)");
                    repaired = withPort;
                }
            }
            if (!fixed.isEmpty()) {
                s.change(
                        path,
                        repaired,
                        path + ": changed the server to listen " + String.join(" and ", fixed)
                                + ", as a pasted Flask app is started on 0.0.0.0:$PORT.");
            }
        }
    }

    /** Rewrites the declarations of {@code constant} (group 2 is the name) that some listen call reads. */
    private static String constants(
            String source, Pattern constant, java.util.function.Function<MatchResult, String> replacement) {
        return constant.matcher(source).replaceAll(m -> {
            Pattern used = Pattern.compile("\\.listen\\([^)]*\\b" + Pattern.quote(m.group(2)) + "\\b");
            return Matcher.quoteReplacement(used.matcher(source).find() ? replacement.apply(m) : m.group());
        });
    }
}

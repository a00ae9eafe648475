package dev.dropdeploy.detect.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pasted Node server that listens on 127.0.0.1/localhost or a fixed port is made to listen on 0.0.0.0 and on
 * {@code $PORT}: the same outcome a pasted Flask or FastAPI app gets from its start command ({@link
 * PythonRequirements}), reached by changing the code because Node has no server to start it through. Only the listen
 * call and the host and port values it reads change; a log line that prints "localhost" is left alone.
 */
public final class ListenAddress implements Scaffold.Step {

    private static final String LOOPBACK = "(['\"`])(?:localhost|127\\.0\\.0\\.1)\\2";
    private static final List<Pattern> HOSTS = List.of(
            Pattern.compile("(\\.listen\\([^)]*?)" + LOOPBACK),
            Pattern.compile("(\\b(?:const|let|var)\\s+\\w*(?:host|HOST|Host)\\w*\\s*=\\s*)" + LOOPBACK),
            Pattern.compile("(\\bhost(?:name)?\\s*:\\s*)" + LOOPBACK));
    private static final List<Pattern> PORTS = List.of(
            Pattern.compile("(\\b(?:const|let|var)\\s+(?:port|PORT)\\s*(?::\\s*number\\s*)?=\\s*)(\\d{2,5})\\b"),
            Pattern.compile("(\\.listen\\(\\s*)(\\d{2,5})\\b"),
            Pattern.compile("(\\.listen\\(\\s*\\{[^}]*?\\bport\\s*:\\s*)(\\d{2,5})\\b"));
    private static final Pattern SERVER_CODE =
            Pattern.compile("\\brequire\\(|^\\s*import\\s|createServer\\(", Pattern.MULTILINE);
    private static final Pattern READS_PORT = Pattern.compile("process\\.env\\.PORT|process\\.env\\[['\"]PORT['\"]\\]");

    @Override
    public void accept(Scaffold s) {
        for (String path : s.withExtension("js", "mjs", "cjs", "ts")) {
            String source = s.files().get(path);
            if (!source.contains(".listen(") || !SERVER_CODE.matcher(source).find()) {
                continue;
            }
            List<String> fixed = new ArrayList<>();
            String repaired = replaceAll(source, HOSTS, "$1$20.0.0.0$2");
            if (!repaired.equals(source)) {
                fixed.add("on 0.0.0.0 instead of localhost, which nobody outside its container can reach");
            }
            if (!READS_PORT.matcher(repaired).find()) {
                String withPort = replaceAll(repaired, PORTS, "$1Number(process.env.PORT) || $2");
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

    private static String replaceAll(String source, List<Pattern> patterns, String replacement) {
        String result = source;
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(result);
            result = m.replaceAll(replacement);
        }
        return result;
    }
}

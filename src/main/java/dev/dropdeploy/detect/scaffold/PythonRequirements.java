package dev.dropdeploy.detect.scaffold;

import dev.dropdeploy.detect.python.PythonImports;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** requirements.txt from imports, plus the server a single-file web app needs and the command to start it. */
public final class PythonRequirements implements Scaffold.Step {

    private static final Pattern APP =
            Pattern.compile("^(\\w+)\\s*=\\s*(?:\\w+\\.)?(FastAPI|Flask)\\(", Pattern.MULTILINE);

    @Override
    public void accept(Scaffold s) {
        List<String> sources = s.withExtension("py");
        if (sources.isEmpty()) {
            return;
        }
        Set<String> local = new TreeSet<>();
        sources.forEach(p -> local.add(p.replaceFirst("\\.py$", "").replaceAll(".*/", "")));
        sources.forEach(p -> local.add(p.split("/")[0].replaceFirst("\\.py$", "")));
        Set<String> dists = new TreeSet<>();
        for (String path : sources) {
            PythonImports.thirdParty(s.files().get(path)).keySet().stream()
                    .filter(m -> !local.contains(m.split("\\.")[0]))
                    .map(PythonImports::distribution)
                    .forEach(dists::add);
        }
        String server = singleFileApp(s, sources);
        if (server != null) {
            dists.add(server);
        }
        if (!dists.isEmpty() && !s.has("requirements.txt") && !s.has("pyproject.toml") && !s.has("Pipfile")) {
            s.add(
                    "requirements.txt",
                    "# Written by DropDeploy from the imports in your code. Versions are not pinned: the code does"
                            + " not say which it needs.\n" + String.join("\n", dists) + "\n",
                    "Added requirements.txt listing " + String.join(", ", dists) + ", taken from your imports"
                            + (server == null ? "" : " plus " + server + " to serve the app")
                            + ". Versions are not pinned because the code does not say which it needs.");
        }
    }

    private static String singleFileApp(Scaffold s, List<String> sources) {
        for (String path : sources) {
            Matcher m = APP.matcher(s.files().get(path));
            if (!m.find()) {
                continue;
            }
            String module = path.replaceFirst("\\.py$", "").replace('/', '.');
            boolean asgi = m.group(2).equals("FastAPI");
            String target = module + ":" + m.group(1);
            s.start(
                    asgi ? "uvicorn " + target + " --host 0.0.0.0 --port $PORT" : "gunicorn -b 0.0.0.0:$PORT " + target,
                    "Start command: " + (asgi ? "uvicorn" : "gunicorn") + " serves " + target + " (the " + m.group(2)
                            + " object in " + path + ") on port $PORT, reachable from outside the container.");
            return asgi ? "uvicorn" : "gunicorn";
        }
        return null;
    }
}

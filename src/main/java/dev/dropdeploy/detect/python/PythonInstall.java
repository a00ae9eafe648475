package dev.dropdeploy.detect.python;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Package manager, install command and Python version, each from the project's own files. */
final class PythonInstall {

    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+)");

    private PythonInstall() {}

    static void describe(SourceTree tree, String dir, PythonDeps deps, Set<String> extras, Proposal p) {
        String extra = extras.isEmpty() ? "" : " " + String.join(" ", extras);
        String pip = "pip install --no-cache-dir";
        String requirements = SourceTree.join(dir, "requirements.txt");
        String pyproject = SourceTree.join(dir, "pyproject.toml");
        String install;
        String project = tree.textOrEmpty(pyproject);
        if (tree.exists(SourceTree.join(dir, "uv.lock")) || project.contains("[tool.uv")) {
            // uv and poetry come from the image (a tool environment of their own) and install into the project's
            // own .venv, where code written for them expects it (see DependencyStep).
            p.packageManager("uv");
            boolean locked = tree.exists(SourceTree.join(dir, "uv.lock"));
            install = "uv sync" + (locked ? " --frozen" : "") + " --no-dev --no-install-project"
                    + (extra.isEmpty() ? "" : " && uv pip install" + extra);
        } else if (tree.exists(SourceTree.join(dir, "poetry.lock")) || project.contains("[tool.poetry")) {
            p.packageManager("poetry");
            install = "poetry install --only main --no-root --no-interaction"
                    + (extra.isEmpty() ? "" : " && " + pip + extra);
        } else if (tree.exists(SourceTree.join(dir, "pdm.lock")) || project.contains("[tool.pdm")) {
            // pdm and pipenv come from PyPI like uv and poetry, and install into the active /app/.venv.
            p.packageManager("pdm");
            // As a developer runs it: the lock is installed as it is, and re-resolved only when pdm finds it stale.
            install = "pdm install --prod --no-self" + (extra.isEmpty() ? "" : " && " + pip + extra);
        } else if (tree.exists(SourceTree.join(dir, "Pipfile"))) {
            p.packageManager("pipenv");
            // "pipenv sync" installs exactly the lock. Not "install --deploy": it aborts when the Pipfile asks for
            // another Python than the catalog's 3.13, which no build here can provide; the lock still installs.
            boolean locked = tree.exists(SourceTree.join(dir, "Pipfile.lock"));
            install = (locked ? "pipenv sync" : "pipenv install --skip-lock")
                    + (extra.isEmpty() ? "" : " && " + pip + extra);
        } else if (tree.exists(requirements)) {
            p.packageManager("pip");
            install = pip + " -r requirements.txt" + extra;
            if (!deps.allPinned()) {
                p.warn(
                        Codes.NO_LOCKFILE,
                        requirements,
                        0,
                        "Some requirements are not pinned (name==version); versions"
                                + " are resolved at build time and may differ between builds.");
            }
        } else if (tree.exists(pyproject)) {
            p.packageManager("pip");
            // Not "pip install .": an app's pyproject often has no build backend or a flat layout setuptools refuses.
            String specs = deps.projectRequirements().stream()
                    .map(r -> "'" + r.replace("'", "") + "'")
                    .collect(java.util.stream.Collectors.joining(" "));
            install = specs.isEmpty() && extra.isEmpty() ? null : pip + (specs.isEmpty() ? "" : " " + specs) + extra;
            p.warn(
                    Codes.NO_LOCKFILE,
                    pyproject,
                    0,
                    "No lockfile next to pyproject.toml; versions are resolved at build time.");
        } else {
            p.packageManager("pip");
            install = extra.isEmpty() ? null : pip + extra;
        }
        p.commands(install, p.buildCommand(), p.start());
        runtimeVersion(tree, dir, p);
    }

    private static void runtimeVersion(SourceTree tree, String dir, Proposal p) {
        for (String file : new String[] {".python-version", "runtime.txt"}) {
            String path = SourceTree.join(dir, file);
            Matcher m = VERSION.matcher(tree.textOrEmpty(path));
            if (m.find()) {
                p.runtimeVersion(m.group(1)).because("runtimeVersion", path, 1, "Python " + m.group(1));
                return;
            }
        }
        String pyproject = SourceTree.join(dir, "pyproject.toml");
        String text = tree.textOrEmpty(pyproject);
        Matcher req = Pattern.compile("requires-python\\s*=\\s*['\"][^0-9'\"]*(\\d+\\.\\d+)")
                .matcher(text);
        if (req.find()) {
            p.runtimeVersion(req.group(1))
                    .because(
                            "runtimeVersion",
                            pyproject,
                            SourceTree.lineAt(text, req.start()),
                            "requires-python asks for " + req.group(1));
        }
    }
}

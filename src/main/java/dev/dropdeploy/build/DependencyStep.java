package dev.dropdeploy.build;

import java.util.regex.Pattern;

/**
 * The cacheable dependency layer: which manifests to copy before the source and how to install from them. The
 * detector's install command is used when it gives one; the manifests copied are chosen to match it. Package managers
 * other than npm are on the PATH from the npm registry ({@code partials/package-manager}), never from corepack.
 *
 * @param manifests COPY sources, or {@code null} when the install needs no project file; optional files end in
 *     {@code *} so the classic builder accepts their absence
 * @param needsSource the install reads the project itself ({@code pip install .}), so it runs after the source
 */
record DependencyStep(String manifests, String install, boolean needsSource) {

    private static final String NODE_MANIFESTS = "package.json package-lock.json* npm-shrinkwrap.json* yarn.lock*"
            + " pnpm-lock.yaml* pnpm-workspace.yaml* bun.lock* .npmrc*";
    /**
     * npm ci refuses a lockfile out of step with package.json (a dependency added by hand, a lock written by another
     * tool); npm install then resolves from package.json, as the author's own machine did, and the log says so.
     */
    private static final String NPM_CI = "npm ci || { echo 'DropDeploy: npm ci failed (package-lock.json may not match"
            + " package.json); installing with npm install instead'; npm install; }";

    private static final String NPM_LOCKFILE_OR_NOT =
            "if [ -f package-lock.json ] || [ -f npm-shrinkwrap.json ]; then " + NPM_CI + "; else npm install; fi";
    private static final Pattern INSTALLS_THE_PROJECT = Pattern.compile("\\s\\.(\\[[^]]*])?(\\s|$)");

    /** templates/python/dropdeploy_pins.py in the image: runs a pip install and relaxes pins Python 3.13 cannot use. */
    static final String PINS_HELPER = "/opt/dropdeploy/dropdeploy_pins.py";

    /** One Python project tool: the manifests it installs from, and what pip installs to get the tool itself. */
    private record PythonTool(String manifests, String pypi) {}

    /**
     * THE table of Python project tools: each comes from PyPI into an environment of its own and installs from its
     * manifests, copied before the source. Add a tool here and in detect.python.PythonInstall. pdm 2.29 asks for
     * hishel >= 1.4 but breaks on hishel 2 ("no attribute SyncSqliteStorage"), so the tool gets hishel below 2.
     */
    private static final java.util.Map<String, PythonTool> PYTHON_TOOLS = java.util.Map.of(
            "uv", new PythonTool("pyproject.toml uv.lock*", "uv"),
            "poetry", new PythonTool("pyproject.toml poetry.lock*", "poetry"),
            "pipenv", new PythonTool("Pipfile Pipfile.lock*", "pipenv"),
            "pdm", new PythonTool("pyproject.toml pdm.lock*", "pdm 'hishel<2'"));

    static DependencyStep node(String packageManager, String reportInstall) {
        String manager = packageManager == null ? "npm" : packageManager;
        String install = reportInstall != null ? reportInstall : nodeDefault(manager);
        return new DependencyStep(NODE_MANIFESTS, install.equals("npm ci") ? NPM_CI : install, false);
    }

    private static String nodeDefault(String manager) {
        return switch (manager) {
            case "yarn" -> "yarn install";
            case "pnpm" -> "pnpm install";
            case "bun" -> "bun install";
            default -> NPM_LOCKFILE_OR_NOT;
        };
    }

    /** {@code null} when the app declares no dependencies and the detector asks for none: nothing to install. */
    static DependencyStep python(String packageManager, String reportInstall) {
        String manager = packageManager == null ? "pip" : packageManager;
        String install = reportInstall != null ? reportInstall : pythonDefault(manager);
        if (install == null) {
            return null;
        }
        PythonTool tool = PYTHON_TOOLS.get(manager);
        return tool != null ? new DependencyStep(tool.manifests(), install, false) : pip(install);
    }

    /**
     * The project environment: projects of a tool (uv, poetry, pipenv, pdm) get theirs at {@code /app/.venv}, where
     * those tools put it in the project and where their code and scripts expect it; pip apps use {@code /opt/venv},
     * outside the source. The template makes it the active environment (VIRTUAL_ENV), which each tool installs into.
     */
    static String pythonEnvironment(String packageManager) {
        return hasTool(packageManager) ? "/app/.venv" : "/opt/venv";
    }

    /** What pip installs into {@code /opt/tools} to get the project's own tool (the template does), else null. */
    static String pythonTool(String packageManager) {
        PythonTool tool = packageManager == null ? null : PYTHON_TOOLS.get(packageManager);
        return tool == null ? null : tool.pypi();
    }

    /** The environment a project tool's code expects, else {@code /opt/venv}. */
    private static boolean hasTool(String packageManager) {
        return packageManager != null && PYTHON_TOOLS.containsKey(packageManager);
    }

    /**
     * Whether the install is a plain pip install, run through {@link #PINS_HELPER}: the catalog has Python 3.13 only,
     * and an old exact pin (psycopg2-binary 2.9.9, numpy 1.26) has no wheel for it and does not build from source.
     * A person would move the pin to the nearest release that installs and say so; the helper does exactly that, only
     * for the packages pip names as failed, and only after the install as written failed (the log says which pins
     * moved). Lockfile tools (uv, poetry, pipenv, pdm) are left alone: their lock is the app's decision.
     */
    boolean relaxesPins() {
        return install.startsWith("pip install ") && !ShellCommands.compound(install);
    }

    /** The install as the Dockerfile runs it. */
    String command() {
        return relaxesPins() ? "python3 " + PINS_HELPER + " " + install : install;
    }

    private static DependencyStep pip(String install) {
        if (INSTALLS_THE_PROJECT.matcher(install).find()) {
            return new DependencyStep(null, install, true);
        }
        return new DependencyStep(install.contains("requirements") ? "requirements*.txt" : null, install, false);
    }

    private static String pythonDefault(String manager) {
        return switch (manager) {
            case "poetry" -> "poetry install --no-root --only main --no-interaction";
            case "uv" -> "uv sync --no-install-project --no-dev";
            case "pipenv" -> "pipenv install --skip-lock";
            case "pdm" -> "pdm install --prod --no-self";
            default -> null;
        };
    }
}

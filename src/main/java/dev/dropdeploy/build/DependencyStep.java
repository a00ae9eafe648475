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
    private static final String NPM_LOCKFILE_OR_NOT =
            "if [ -f package-lock.json ] || [ -f npm-shrinkwrap.json ]; then npm ci; else npm install; fi";
    private static final Pattern INSTALLS_THE_PROJECT = Pattern.compile("\\s\\.(\\[[^]]*])?(\\s|$)");

    static DependencyStep node(String packageManager, String reportInstall) {
        String manager = packageManager == null ? "npm" : packageManager;
        String install = reportInstall != null ? reportInstall : nodeDefault(manager);
        return new DependencyStep(NODE_MANIFESTS, install, false);
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
        return switch (manager) {
            case "poetry" -> new DependencyStep("pyproject.toml poetry.lock*", install, false);
            case "uv" -> new DependencyStep("pyproject.toml uv.lock*", install, false);
            case "pipenv" -> new DependencyStep("Pipfile Pipfile.lock*", install, false);
            default -> pip(install);
        };
    }

    /**
     * The project environment: uv and poetry projects get theirs at {@code /app/.venv}, where uv and poetry put it and
     * where their code and scripts expect it; other apps use {@code /opt/venv}, outside the source.
     */
    static String pythonEnvironment(String packageManager) {
        return pythonTool(packageManager) != null ? "/app/.venv" : "/opt/venv";
    }

    /** The PyPI package of the project's own tool, installed by the template into {@code /opt/tools}, else null. */
    static String pythonTool(String packageManager) {
        return "uv".equals(packageManager) || "poetry".equals(packageManager) ? packageManager : null;
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
            case "pipenv" -> "pip install pipenv && pipenv install --system";
            default -> null;
        };
    }
}

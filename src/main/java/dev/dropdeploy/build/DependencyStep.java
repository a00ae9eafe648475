package dev.dropdeploy.build;

/**
 * The cacheable dependency layer: which manifests to copy before the source and how to install from them. The
 * template owns this step (not the detector's install command) because the command must only need the copied files.
 *
 * @param manifests COPY sources; optional files end in {@code *} so the classic builder accepts their absence
 */
record DependencyStep(String manifests, String install) {

    private static final String NPM_LOCKFILE_OR_NOT =
            "if [ -f package-lock.json ] || [ -f npm-shrinkwrap.json ]; then npm ci; else npm install; fi";

    static DependencyStep node(String packageManager) {
        String manifests = "package.json package-lock.json* npm-shrinkwrap.json* yarn.lock* pnpm-lock.yaml* bun.lock*";
        String install = switch (packageManager == null ? "npm" : packageManager) {
            case "yarn" -> "npm install -g yarn && yarn install";
            case "pnpm" -> "npm install -g pnpm && pnpm install";
            case "bun" -> "npm install -g bun && bun install";
            default -> NPM_LOCKFILE_OR_NOT;
        };
        return new DependencyStep(manifests, install);
    }

    /** Servers that start commands name but apps rarely declare, with the distribution that provides each. */
    private static final java.util.Map<String, String> PYTHON_SERVERS = java.util.Map.of(
            "gunicorn", "gunicorn",
            "uvicorn", "uvicorn",
            "hypercorn", "hypercorn",
            "daphne", "daphne",
            "waitress-serve", "waitress",
            "streamlit", "streamlit");

    /**
     * The distribution to make sure of when the start command runs a server the app did not declare (a pasted Flask
     * file started with gunicorn); {@code null} when the start command runs no such server.
     */
    static String pythonServer(String start) {
        if (start == null || start.isBlank()) {
            return null;
        }
        String program = start.strip().split("\\s+")[0];
        return PYTHON_SERVERS.get(program.substring(program.lastIndexOf('/') + 1));
    }

    /** {@code null} when the app declares no dependencies: there is nothing to install. */
    static DependencyStep python(String packageManager) {
        if (packageManager == null) {
            return null;
        }
        return switch (packageManager) {
            case "poetry" ->
                new DependencyStep(
                        "pyproject.toml poetry.lock*",
                        "pip install poetry && poetry config virtualenvs.create false"
                                + " && poetry install --no-root --only main --no-interaction");
            case "uv" ->
                new DependencyStep(
                        "pyproject.toml uv.lock*",
                        "pip install uv && UV_PROJECT_ENVIRONMENT=/opt/venv uv sync --no-install-project --no-dev");
            case "pipenv" ->
                new DependencyStep("Pipfile Pipfile.lock*", "pip install pipenv && pipenv install --system");
            default -> new DependencyStep("requirements.txt", "pip install -r requirements.txt");
        };
    }
}

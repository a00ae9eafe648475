package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace member is installed and built from the workspace root, with the member as the target. */
class WorkspacesTest {

    private static final String SERVER =
            "const express = require('express');\nexpress().listen(process.env.PORT, '0.0.0.0');\n";

    @Test
    void globsIncludeMembersAndNegatedGlobsExcludeThem() {
        List<String> globs = List.of("apps/*", "packages/**", "!apps/legacy");

        assertThat(Workspaces.matches(globs, "apps/web")).isTrue();
        assertThat(Workspaces.matches(globs, "packages/ui/react")).isTrue();
        assertThat(Workspaces.matches(globs, "apps/legacy")).isFalse();
        assertThat(Workspaces.matches(globs, "apps/web/nested")).isFalse();
        assertThat(Workspaces.matches(globs, "tools/cli")).isFalse();
    }

    @Test
    void aTurborepoMemberIsBuiltByTurboWithItsDependencies(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"name\":\"repo\",\"packageManager\":\"npm@10.9.0\",\"workspaces\":[\"apps/*\"],"
                                + "\"devDependencies\":{\"turbo\":\"2.3.3\"},\"scripts\":{\"build\":\"turbo run build\"}}",
                        "package-lock.json",
                        "{}",
                        "turbo.json",
                        "{\"tasks\":{\"build\":{\"dependsOn\":[\"^build\"]}}}",
                        "apps/api/package.json",
                        "{\"name\":\"api\",\"scripts\":{\"build\":\"tsc\",\"start\":\"node dist/server.js\"},"
                                + "\"dependencies\":{\"express\":\"4.21.2\"}}",
                        "apps/api/server.js",
                        SERVER));

        assertThat(report.appDirectory()).isEqualTo("apps/api");
        assertThat(report.workspace().root()).isEmpty();
        assertThat(report.workspace().member()).isEqualTo("apps/api");
        assertThat(report.commands().install()).isEqualTo("npm ci");
        assertThat(report.commands().build())
                .isEqualTo("TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=api...");
    }

    @Test
    void aMonorepoThatNamesTurboButHasNoTurboJsonIsBuiltByItsPackageManager(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"name\":\"repo\",\"packageManager\":\"pnpm@9.5.0\",\"workspaces\":[\"apps/*\"],"
                                + "\"devDependencies\":{\"turbo\":\"latest\"},\"scripts\":{\"build\":\"turbo run build\"}}",
                        "pnpm-workspace.yaml",
                        "packages:\n  - apps/*\n",
                        "pnpm-lock.yaml",
                        "lockfileVersion: '9.0'\n",
                        "apps/api/package.json",
                        "{\"name\":\"api\",\"scripts\":{\"build\":\"tsc\",\"start\":\"node dist/server.js\"},"
                                + "\"dependencies\":{\"express\":\"4.21.2\"}}",
                        "apps/api/server.js",
                        SERVER));

        assertThat(report.commands().build()).isEqualTo("pnpm --filter \"api...\" run build");
    }

    @Test
    void aPnpmMemberNamingWorkspacePackagesByAPlainRangeGetsThemLinkedNotTheRegistrysNamesakes(@TempDir Path dir) {
        Map<String, String> files = new java.util.HashMap<>(Map.of(
                "package.json",
                "{\"name\":\"repo\",\"packageManager\":\"pnpm@9.5.0\"}",
                "pnpm-workspace.yaml",
                "packages:\n  - 'apps/**'\n  - 'packages/**'\n",
                "pnpm-lock.yaml",
                "lockfileVersion: '9.0'\n",
                "apps/api/package.json",
                "{\"name\":\"api\",\"scripts\":{\"start\":\"node server.js\"},"
                        + "\"dependencies\":{\"express\":\"4.21.2\",\"ui\":\"*\"},\"devDependencies\":{\"tsconfig\":\"*\"}}",
                "apps/api/server.js",
                SERVER,
                "packages/ui/package.json",
                "{\"name\":\"ui\",\"version\":\"0.0.0\"}",
                "packages/tsconfig/package.json",
                "{\"name\":\"tsconfig\",\"version\":\"0.0.0\"}"));
        DetectionReport plain = Trees.detect(dir.resolve("plain"), files);
        files.put(
                "apps/api/package.json",
                "{\"name\":\"api\",\"scripts\":{\"start\":\"node server.js\"},"
                        + "\"dependencies\":{\"express\":\"4.21.2\",\"ui\":\"workspace:*\"}}");
        DetectionReport protocol = Trees.detect(dir.resolve("protocol"), files);
        files.put(
                "apps/api/package.json",
                "{\"name\":\"api\",\"scripts\":{\"start\":\"node server.js\"},"
                        + "\"dependencies\":{\"express\":\"4.21.2\",\"ui\":\"*\"}}");
        files.put(
                "pnpm-lock.yaml",
                "lockfileVersion: '9.0'\nimporters:\n  apps/api:\n    dependencies:\n      ui:\n"
                        + "        specifier: '*'\n        version: link:../../packages/ui\n");
        DetectionReport linked = Trees.detect(dir.resolve("linked"), files);
        files.put(
                "pnpm-lock.yaml",
                "lockfileVersion: '9.0'\nimporters:\n  apps/web:\n    dependencies:\n      ui:\n"
                        + "        specifier: '*'\n        version: link:../../packages/ui\n"
                        + "  apps/api:\n    dependencies:\n      ui:\n        specifier: '*'\n        version: 2.1.0\n"
                        + "packages:\n  ui@2.1.0:\n    resolution: {integrity: sha512-x}\n");
        DetectionReport linkedForAnother = Trees.detect(dir.resolve("another"), files);
        files.put(
                "pnpm-lock.yaml",
                "lockfileVersion: '9.0'\r\nimporters:\r\n  apps/api:\r\n    dependencies:\r\n      ui:\r\n"
                        + "        specifier: '*'\r\n        version: link:../../packages/ui\r\n");
        DetectionReport linkedWindows = Trees.detect(dir.resolve("crlf"), files);

        assertThat(plain.commands().install())
                .isEqualTo("pnpm install --config.link-workspace-packages=true"
                        + " --config.prefer-workspace-packages=true --no-lockfile");
        assertThat(plain.evidence())
                .anySatisfy(e -> assertThat(e.toString()).contains("tsconfig, ui name packages of the workspace"));
        assertThat(protocol.commands().install()).isEqualTo("pnpm install --frozen-lockfile");
        assertThat(linked.commands().install())
                .as("a lockfile that links them is kept")
                .isEqualTo("pnpm install --frozen-lockfile");
        assertThat(linkedWindows.commands().install())
                .as("a lockfile with Windows line ends links them too")
                .isEqualTo("pnpm install --frozen-lockfile");
        assertThat(linkedForAnother.commands().install())
                .as("another member linking ui says nothing about this member's entry, which took the registry's")
                .endsWith("--no-lockfile");
    }

    @Test
    void aYarnBerryMemberIsBuiltWithItsWorkspaceDependenciesFirst(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"private\":true,\"packageManager\":\"yarn@4.5.3\",\"workspaces\":[\"packages/*\"]}",
                        "yarn.lock",
                        "__metadata:\n  version: 8\n",
                        "packages/site/package.json",
                        "{\"name\":\"site\",\"scripts\":{\"build\":\"vite build\"},\"dependencies\":{\"@acme/ui\":\"workspace:*\"},"
                                + "\"devDependencies\":{\"vite\":\"5.4.11\"}}",
                        "packages/site/index.html",
                        "<div id=app></div>\n",
                        "packages/ui/package.json",
                        "{\"name\":\"@acme/ui\",\"scripts\":{\"build\":\"tsc\"}}"));

        assertThat(report.appDirectory()).isEqualTo("packages/site");
        assertThat(report.commands().build())
                .isEqualTo("yarn workspaces foreach --recursive --topological --from site run build");
        assertThat(report.workspace().manifests()).containsExactlyInAnyOrder("packages/site", "packages/ui");
    }

    @Test
    void aFolderTheWorkspaceDoesNotListIsBuiltOnItsOwn(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"private\":true,\"workspaces\":[\"packages/*\"]}",
                        "tools/api/package.json",
                        "{\"name\":\"api\",\"dependencies\":{\"express\":\"4.21.2\"}}",
                        "tools/api/server.js",
                        SERVER));

        assertThat(report.appDirectory()).isEqualTo("tools/api");
        assertThat(report.workspace()).isNull();
        assertThat(report.buildContext()).isEqualTo("tools/api");
    }

    /** Member folders are written into COPY lines: one named like a flag must not become {@code COPY --from=...}. */
    @Test
    void aMemberFolderNamedLikeAFlagIsNotBuiltAsAWorkspaceMember(@TempDir Path dir) {
        Map<String, String> files = new java.util.HashMap<>(Map.of(
                "package.json",
                "{\"name\":\"repo\",\"private\":true,\"workspaces\":[\"apps/*\"]}",
                "apps/--from=dd-app/package.json",
                "{\"name\":\"web\",\"scripts\":{\"start\":\"node server.js\"}}",
                "apps/--from=dd-app/server.js",
                SERVER));
        DetectionReport flag = Trees.detect(dir.resolve("flag"), files);
        DetectionReport plain = Trees.detect(
                dir.resolve("plain"),
                Map.of(
                        "package.json",
                        "{\"name\":\"repo\",\"private\":true,\"workspaces\":[\"apps/*\"]}",
                        "apps/web/package.json",
                        "{\"name\":\"web\",\"scripts\":{\"start\":\"node server.js\"}}",
                        "apps/web/server.js",
                        SERVER));

        assertThat(plain.workspace()).isNotNull();
        assertThat(flag.appDirectory()).as("still found as an app, built alone").isEqualTo("apps/--from=dd-app");
        assertThat(flag.workspace()).isNull();
    }
}

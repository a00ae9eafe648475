package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Package managers come from the npm registry at the version the project asks for, never through corepack. */
class PackageManagerTest {

    private static final String SERVER = "require('express')().listen(process.env.PORT);\n";

    private static DetectionReport detect(Path dir, String packageJsonExtra, Map<String, String> files) {
        Map<String, String> tree = new HashMap<>(files);
        tree.put("package.json", "{" + packageJsonExtra + "\"dependencies\":{\"express\":\"4.21.2\"}}");
        tree.put("server.js", SERVER);
        return Trees.detect(dir, tree);
    }

    @Test
    void thePackageManagerFieldGivesTheExactVersionWithoutItsHash(@TempDir Path dir) {
        DetectionReport report = detect(dir, "\"packageManager\":\"pnpm@9.15.0+sha512.76e2379760a4\",", Map.of());

        assertThat(report.needs().packageManager()).isEqualTo("pnpm@9.15.0");
        assertThat(report.commands().install()).isEqualTo("pnpm install").doesNotContain("corepack");
    }

    @Test
    void aPnpmLockfileWithoutThePackageManagerFieldNamesTheMajorThatWroteIt(@TempDir Path dir) {
        DetectionReport nine = detect(dir.resolve("a"), "", Map.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\n"));
        DetectionReport eight = detect(dir.resolve("b"), "", Map.of("pnpm-lock.yaml", "lockfileVersion: '6.0'\n"));

        assertThat(nine.needs().packageManager()).isEqualTo("pnpm@9");
        assertThat(eight.needs().packageManager()).isEqualTo("pnpm@8");
        assertThat(nine.commands().install()).isEqualTo("pnpm install --frozen-lockfile");
    }

    @Test
    void yarnClassicIsTheYarnPackageAndBerryIsTheYarnpkgCliDist(@TempDir Path dir) {
        DetectionReport classic =
                detect(dir.resolve("classic"), "", Map.of("yarn.lock", "# yarn lockfile v1\n\nexpress@4.21.2:\n"));
        DetectionReport berry = detect(
                dir.resolve("berry"),
                "",
                Map.of(
                        "yarn.lock",
                        "__metadata:\n  version: 8\n  cacheKey: 10c0\n",
                        ".yarnrc.yml",
                        "nodeLinker: pnp\n"));
        DetectionReport declaredBerry = detect(dir.resolve("declared"), "\"packageManager\":\"yarn@4.5.3\",", Map.of());

        assertThat(classic.needs().packageManager()).isEqualTo("yarn@1");
        assertThat(classic.commands().install()).isEqualTo("yarn install --frozen-lockfile");
        assertThat(berry.needs().packageManager()).isEqualTo("@yarnpkg/cli-dist@4");
        assertThat(berry.commands().install()).isEqualTo("YARN_ENABLE_GLOBAL_CACHE=false yarn install --immutable");
        assertThat(declaredBerry.commands().install())
                .isEqualTo("YARN_ENABLE_GLOBAL_CACHE=false YARN_NODE_LINKER=node-modules yarn install");
        assertThat(declaredBerry.needs().packageManager()).isEqualTo("@yarnpkg/cli-dist@4.5.3");
    }

    @Test
    void bunComesFromTheNpmRegistryToo(@TempDir Path dir) {
        DetectionReport report = detect(dir, "", Map.of("bun.lock", "{\"lockfileVersion\": 1}\n"));

        assertThat(report.needs().packageManager()).isEqualTo("bun@1");
        assertThat(report.commands().install()).isEqualTo("bun install --frozen-lockfile");
    }

    @Test
    void npmNeedsNothingBeyondTheImage(@TempDir Path dir) {
        DetectionReport report = detect(dir, "", Map.of("package-lock.json", "{}"));

        assertThat(report.needs().packageManager()).isNull();
        assertThat(report.commands().install()).isEqualTo("npm ci");
    }
}

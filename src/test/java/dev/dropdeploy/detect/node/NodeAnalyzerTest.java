package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeAnalyzerTest {

    @Test
    void thePackageManagerFieldWinsOverTheLockfile(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json", "{\"packageManager\":\"yarn@1.22.22\",\"dependencies\":{\"express\":\"4\"}}",
                        "package-lock.json", "{}",
                        "index.js", "const express = require('express');\nexpress().listen(process.env.PORT);\n"));

        assertThat(report.packageManager()).isEqualTo("yarn");
        assertThat(report.commands().install()).isEqualTo("yarn install --frozen-lockfile");
        assertThat(report.needs().packageManager()).isEqualTo("yarn@1.22.22");
    }

    @Test
    void aServerWhoseStartScriptCompilesOnEveryStartRunsItsBuiltOutputWithStartProd(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("package.json", """
                        {"scripts":{"build":"nest build","start":"nest start","start:prod":"node dist/main"},
                         "dependencies":{"@nestjs/core":"^11.0.1","@nestjs/platform-express":"^11.0.1"}}""", "src/main.ts", """
                        import { NestFactory } from '@nestjs/core';
                        async function bootstrap() {
                          const app = await NestFactory.create(AppModule);
                          await app.listen(process.env.PORT ?? 3000);
                        }
                        bootstrap();
                        """));

        assertThat(report.entrypoint()).isEqualTo("src/main.ts");
        assertThat(report.webServer()).isTrue();
        assertThat(report.framework()).isEqualTo("@nestjs/core");
        assertThat(report.commands().build()).isEqualTo("npm run build");
        assertThat(report.commands().start()).isEqualTo("npm run start:prod");
    }

    @Test
    void nitroAndSolidStartAppsRunTheServerTheirBuildWritesToDotOutput(@TempDir Path dir) {
        DetectionReport nitro = Trees.detect(
                dir.resolve("nitro"),
                Map.of(
                        "package.json",
                        """
                        {"scripts":{"build":"nitro build","preview":"node .output/server/index.mjs"},
                         "devDependencies":{"nitropack":"latest"}}""",
                        "server/routes/index.ts",
                        "export default defineEventHandler(() => 'hi');\n"));
        DetectionReport solid = Trees.detect(
                dir.resolve("solid"),
                Map.of(
                        "package.json",
                        """
                        {"scripts":{"build":"vinxi build","start":"vinxi start"},
                         "dependencies":{"@solidjs/start":"^1.0.10","solid-js":"^1.9.2","vinxi":"^0.4.3"}}""",
                        "src/app.tsx",
                        "export default function App() { return <main>hi</main>; }\n"));

        assertThat(nitro.framework()).isEqualTo("nitro");
        assertThat(nitro.webServer()).isTrue();
        assertThat(nitro.commands().start()).isEqualTo("node .output/server/index.mjs");
        assertThat(solid.framework()).isEqualTo("solid-start");
        assertThat(solid.commands().build()).isEqualTo("NITRO_PRESET=node-server npm run build");
        assertThat(solid.commands().start()).isEqualTo("node .output/server/index.mjs");
    }

    @Test
    void aTypeScriptProgramRunFromItsCompiledOutputIsJudgedByItsSourceNotByItsDependencies(@TempDir Path dir) {
        DetectionReport script =
                Trees.detect(dir.resolve("script"), Map.of("package.json", """
                        {"scripts":{"build":"tsc","start":"node dist/index.js"},"dependencies":{"fastify":"4"}}""", "index.ts", "console.log('hello');\n"));
        DetectionReport server = Trees.detect(
                dir.resolve("server"),
                Map.of(
                        "package.json",
                        """
                        {"scripts":{"build":"tsc","start":"node build/main.js"},"dependencies":{"express":"4"}}""",
                        "src/main.ts",
                        "import express from 'express';\nexpress().listen(process.env.PORT);\n"));

        assertThat(script.entrypoint()).isEqualTo("index.ts");
        assertThat(script.webServer()).isFalse();
        assertThat(script.commands().start()).isEqualTo("npm run start");
        assertThat(server.entrypoint()).isEqualTo("src/main.ts");
        assertThat(server.framework()).isEqualTo("express");
        assertThat(server.webServer()).isTrue();
    }

    @Test
    void anAppModuleThatExportsItsAppWithoutListeningIsServedByTheLauncher(@TempDir Path dir) {
        DetectionReport exported = Trees.detect(
                dir.resolve("exported"),
                Map.of(
                        "package.json",
                        "{\"type\":\"module\",\"dependencies\":{\"hono\":\"4\"}}",
                        "src/index.ts",
                        "import { Hono } from 'hono'\nconst app = new Hono()\napp.get('/', (c) => c.text('hi'))\n"
                                + "export default app\n"));
        DetectionReport listening = Trees.detect(
                dir.resolve("listening"),
                Map.of(
                        "package.json",
                        "{\"dependencies\":{\"express\":\"4\"}}",
                        "app.js",
                        "const express = require('express');\nconst app = express();\n"
                                + "app.listen(process.env.PORT);\nmodule.exports = app;\n"));

        assertThat(exported.webServer()).isTrue();
        assertThat(exported.framework()).isEqualTo("hono");
        assertThat(exported.commands().start()).isEqualTo("npx tsx .dropdeploy/serve-exported.mjs src/index.ts");
        assertThat(listening.commands().start()).isEqualTo("node app.js");
    }

    @Test
    void bunAndDenoBuiltInServersServeHttp(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"scripts\":{\"start\":\"bun index.ts\"}}",
                        "index.ts",
                        "Bun.serve({ port: 5005, fetch() { return new Response('hi'); } });\n"));

        assertThat(report.webServer()).isTrue();
        assertThat(report.port()).isEqualTo(5005);
    }

    @Test
    void theNodeVersionAskedForIsKeptAsWrittenFromNvmrcOrEngines(@TempDir Path dir) {
        DetectionReport engines = Trees.detect(
                dir.resolve("a"),
                Map.of(
                        "package.json", "{\"engines\":{\"node\":\">=20.11\"},\"dependencies\":{\"express\":\"4\"}}",
                        "server.js", "require('express')().listen(3000, '0.0.0.0');\n"));
        DetectionReport nvmrc = Trees.detect(
                dir.resolve("b"),
                Map.of(
                        ".nvmrc",
                        "v22.3.0\n",
                        "package.json",
                        "{\"dependencies\":{\"express\":\"4\"}}",
                        "server.js",
                        "require('express')().listen(3000);\n"));

        assertThat(engines.runtimeVersion()).isEqualTo(">=20.11");
        assertThat(nvmrc.runtimeVersion()).isEqualTo("v22.3.0");
    }

    @Test
    void aLockfilePinningAPackageThatNewerNodeBreaksNarrowsTheNodeVersionAndSaysWhy(@TempDir Path dir) {
        String lock = "lmdb@2.5.3:\n  version \"2.5.3\"\n\nmsgpackr@^1.5.4:\n  version \"1.8.0\"\n";
        String gatsby = "{\"scripts\":{\"build\":\"gatsby build\"},\"dependencies\":{\"gatsby\":\"^5.0.0\"}}";
        DetectionReport unasked = Trees.detect(dir.resolve("a"), Map.of("package.json", gatsby, "yarn.lock", lock));
        DetectionReport engines = Trees.detect(
                dir.resolve("b"),
                Map.of(
                        "package.json",
                        gatsby.replace("{\"scripts\"", "{\"engines\":{\"node\":\">=18.0.0\"},\"scripts\""),
                        "yarn.lock",
                        lock));
        DetectionReport pinned =
                Trees.detect(dir.resolve("c"), Map.of(".nvmrc", "24\n", "package.json", gatsby, "yarn.lock", lock));

        assertThat(unasked.runtimeVersion()).isEqualTo("<23");
        assertThat(unasked.evidence())
                .anyMatch(
                        e -> e.decision().equals("runtimeVersion") && e.reason().contains("msgpackr 1.8.0"));
        assertThat(engines.runtimeVersion()).isEqualTo(">=18.0.0 <23");
        assertThat(pinned.runtimeVersion())
                .as("a version the person wrote stays theirs")
                .isEqualTo("24");
        assertThat(pinned.warnings())
                .anyMatch(w -> w.code().equals("NODE_LIMIT") && w.message().contains("msgpackr 1.8.0"));
    }

    @Test
    void newestWordsAreNarrowedLikeNoAskAndABoundAboveTheLimitIsKept(@TempDir Path dir) {
        String lock = "msgpackr@^1.5.4:\n  version \"1.8.0\"\n";
        String gatsby = "{\"scripts\":{\"build\":\"gatsby build\"},\"dependencies\":{\"gatsby\":\"^5.0.0\"}}";
        DetectionReport lts =
                Trees.detect(dir.resolve("a"), Map.of(".nvmrc", "lts/*\n", "package.json", gatsby, "yarn.lock", lock));
        DetectionReport above =
                Trees.detect(dir.resolve("b"), Map.of(".nvmrc", ">=24\n", "package.json", gatsby, "yarn.lock", lock));

        assertThat(lts.runtimeVersion()).isEqualTo("<23");
        assertThat(above.runtimeVersion()).isEqualTo(">=24");
        assertThat(above.warnings()).extracting(w -> w.code()).contains("NODE_LIMIT");
    }

    @Test
    void aLockfileLargerThanWhatDetectionReadsOfOtherFilesIsStillRead(@TempDir Path dir) {
        StringBuilder lock = new StringBuilder();
        for (int i = 0; lock.length() < 2 * 1024 * 1024; i++) {
            lock.append("package-")
                    .append(i)
                    .append("@^1.0.0:\n  version \"1.0.")
                    .append(i)
                    .append("\"\n\n");
        }
        lock.append("msgpackr@^1.5.4:\n  version \"1.8.0\"\n");
        String gatsby = "{\"scripts\":{\"build\":\"gatsby build\"},\"dependencies\":{\"gatsby\":\"^5.0.0\"}}";

        DetectionReport report = Trees.detect(dir, Map.of("package.json", gatsby, "yarn.lock", lock.toString()));

        assertThat(report.runtimeVersion()).isEqualTo("<23");
    }

    @Test
    void aViteAppWithARealServerIsANodeAppThatBuildsFirst(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        """
                        {"scripts":{"build":"vite build","start":"node server.js"},
                         "dependencies":{"express":"4.21.2","react":"18.3.1"},"devDependencies":{"vite":"5.4.11"}}""",
                        "server.js",
                        "const express = require('express');\nconst app = express();\n"
                                + "app.use(express.static('dist'));\napp.listen(process.env.PORT || 3000);\n"));

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.commands().build()).isEqualTo("npm run build");
        assertThat(report.runnerUp()).anyMatch(c -> c.stack() == Stack.SPA);
    }

    @Test
    void importsMissingFromPackageJsonAreReportedWithTheirLine(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"dependencies\":{\"express\":\"4\"}}",
                        "server.js",
                        "const express = require('express');\nconst fs = require('node:fs');\n"
                                + "const { z } = require('zod');\nimport x from '@scope/pkg/sub';\nexpress().listen(1);\n"));

        assertThat(report.warnings())
                .filteredOn(w -> w.code().equals("UNDECLARED_IMPORT"))
                .extracting(DetectionWarning::line)
                .containsExactly(3, 4);
    }

    @Test
    void packageNamesKeepTheirScopeAndDropBuiltinsAndPaths() {
        assertThat(NodeImports.packageName("@hono/node-server/vercel")).isEqualTo("@hono/node-server");
        assertThat(NodeImports.packageName("lodash/fp")).isEqualTo("lodash");
        assertThat(NodeImports.packageName("node:http")).isNull();
        assertThat(NodeImports.packageName("fs/promises")).isNull();
        assertThat(NodeImports.packageName("./util.js")).isNull();
        assertThat(NodeImports.packageName("@/components/Button")).isNull();
    }

    @Test
    void aNextConfigWithOutputExportIsAStaticSiteElseASsrServer(@TempDir Path dir) {
        String pkg =
                "{\"scripts\":{\"build\":\"next build\",\"start\":\"next start\"},\"dependencies\":{\"next\":\"14\"}}";
        DetectionReport exported = Trees.detect(
                dir.resolve("a"),
                Map.of(
                        "package.json",
                        pkg,
                        "next.config.ts",
                        "export default { output: \"export\", distDir: 'build' };\n"));
        DetectionReport ssr = Trees.detect(dir.resolve("b"), Map.of("package.json", pkg));

        assertThat(exported.stack()).isEqualTo(Stack.SPA);
        assertThat(exported.staticOutputDir()).isEqualTo("build");
        assertThat(ssr.stack()).isEqualTo(Stack.NODE);
        assertThat(ssr.commands().start()).contains("-p $PORT");
    }

    @Test
    void aTypeScriptServerStartsThroughItsOwnStartScript(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                                "{\"scripts\":{\"start\":\"tsx src/index.ts\"},\"dependencies\":{\"hono\":\"4\"}}",
                        "src/index.ts",
                                "import { Hono } from 'hono';\nconst app = new Hono();\nexport default app;\n"));

        assertThat(report.framework()).isEqualTo("hono");
        assertThat(report.commands().start()).isEqualTo("npm run start");
    }

    @Test
    void anExpressGeneratorAppStartsFromBinWwwNotFromAppJs(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                                "{\"scripts\":{\"start\":\"node ./bin/www\"},\"dependencies\":{\"express\":\"4\"}}",
                        "app.js", "var express = require('express');\nvar app = express();\nmodule.exports = app;\n",
                        "bin/www",
                                "#!/usr/bin/env node\nvar app = require('../app');\nvar http = require('http');\n"
                                        + "var port = process.env.PORT || '3000';\nhttp.createServer(app).listen(port);\n"));

        assertThat(report.framework()).isEqualTo("express");
        assertThat(report.commands().start()).isEqualTo("node bin/www");
        assertThat(report.port()).isEqualTo(8080);
    }
}

package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaffolderTest {

    private final Scaffolder scaffolder = new Scaffolder();

    @Test
    void aPastedFlaskAppGetsRequirementsFromItsImportsAndAStartCommand() {
        ScaffoldResult result = scaffolder.complete(Map.of("app.py", """
                import os
                import requests
                from bs4 import BeautifulSoup
                from PIL import Image
                from flask import Flask
                app = Flask(__name__)
                """));

        assertThat(result.added().get("requirements.txt"))
                .contains("beautifulsoup4\n", "pillow\n", "flask\n", "requests\n", "gunicorn\n")
                .doesNotContain("os\n", "==");
        assertThat(result.startCommand()).isEqualTo("gunicorn -b 0.0.0.0:$PORT app:app");
        assertThat(result.notes()).anyMatch(n -> n.contains("not pinned"));
    }

    @Test
    void aPastedFastApiAppIsServedByUvicorn() {
        ScaffoldResult result =
                scaffolder.complete(Map.of("server.py", "from fastapi import FastAPI\napi = FastAPI()\n"));

        assertThat(result.added().get("requirements.txt")).contains("fastapi", "uvicorn");
        assertThat(result.startCommand()).isEqualTo("uvicorn server:api --host 0.0.0.0 --port $PORT");
    }

    @Test
    void existingRequirementsAreNeverOverwritten() {
        ScaffoldResult result =
                scaffolder.complete(Map.of("requirements.txt", "flask==3.1.0\n", "app.py", "import flask\n"));

        assertThat(result.added()).doesNotContainKey("requirements.txt");
    }

    @Test
    void aPastedExpressServerGetsAPackageJsonWithScopedPackagesAndNoBuiltins() {
        ScaffoldResult result = scaffolder.complete(Map.of("server.js", """
                import express from 'express';
                import fs from 'node:fs';
                import path from 'path';
                import { serve } from '@hono/node-server';
                const app = express();
                app.listen(process.env.PORT || 3000);
                """));

        String json = result.added().get("package.json");
        assertThat(json)
                .contains(
                        "\"express\": \"*\"",
                        "\"@hono/node-server\": \"*\"",
                        "\"type\": \"module\"",
                        "\"start\": \"node server.js\"");
        assertThat(json).doesNotContain("\"fs\"", "\"path\"", "node:");
        assertThat(result.startCommand()).isEqualTo("node server.js");
    }

    @Test
    void loneBrowserScriptAndStylesGetAHostPage() {
        ScaffoldResult result = scaffolder.complete(
                Map.of("game.js", "document.body.append('hi');\n", "style.css", "body { margin: 0 }\n"));

        assertThat(result.added().get("index.html"))
                .contains("<link rel=\"stylesheet\" href=\"style.css\">", "<script src=\"game.js\"></script>");
        assertThat(result.added()).doesNotContainKey("package.json");
        assertThat(result.notes()).singleElement().asString().contains("host page");
    }

    @Test
    void aCompleteProjectIsLeftAlone() {
        ScaffoldResult result = scaffolder.complete(Map.of("index.html", "<h1>x</h1>", "app.js", "console.log(1)\n"));

        assertThat(result.isEmpty()).isTrue();
    }
}

package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pastes shaped the way AI chats answer; each asserts the files and the words the user sees. */
class PasteRecognitionTest {

    private final Pastes pastes = new Pastes(null);

    @Test
    void markdownHeadingsNameEachFile() {
        PasteResult result = pastes.read("""
                Sure! Here's a simple Flask app with a template.

                ### app.py
                ```python
                from flask import Flask, render_template

                app = Flask(__name__)

                @app.route("/")
                def home():
                    return render_template("index.html")
                ```

                ### templates/index.html
                ```html
                <!DOCTYPE html>
                <html><body><h1>Hello</h1></body></html>
                ```

                Run it with `python app.py`.
                """);

        assertThat(result.pasted()).containsOnlyKeys("app.py", "templates/index.html");
        assertThat(result.pasted().get("app.py"))
                .startsWith("from flask import")
                .contains("def home():");
        assertThat(result.recognised())
                .containsExactly(
                        "app.py (named in the line above it: \"### app.py\")",
                        "templates/index.html (named in the line above it: \"### templates/index.html\")");
        assertThat(result.added()).containsKeys("requirements.txt", "Procfile");
        assertThat(result.added().get("requirements.txt")).contains("flask", "gunicorn");
        assertThat(result.startCommand()).isEqualTo("gunicorn -b 0.0.0.0:$PORT app:app");
        assertThat(result.commitMessage()).isEqualTo("Pasted 2 files");
    }

    @Test
    void boldAndBacktickedLinesNameFilesInAReactAnswer() {
        PasteResult result = pastes.read("""
                **src/App.jsx**
                ```jsx
                import { useState } from 'react'
                import './App.css'

                export default function App() {
                  const [n, setN] = useState(0)
                  return <button onClick={() => setN(n + 1)}>{n}</button>
                }
                ```

                `src/App.css`
                ```css
                button { font-size: 2rem; }
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("src/App.jsx", "src/App.css");
        assertThat(result.added()).containsKeys("package.json", "vite.config.js", "index.html", "src/main.jsx");
        assertThat(result.added().get("package.json")).contains("\"react\"", "\"react-dom\"", "\"vite\"");
    }

    @Test
    void fileCommentsOnTheFirstLineNameTheFiles() {
        PasteResult result = pastes.read("""
                ```js
                // file: server.js
                const express = require('express')
                const app = express()
                app.use(express.static('public'))
                app.listen(process.env.PORT || 3000)
                ```
                ```html
                <!-- public/index.html -->
                <!doctype html><html><body>Hi</body></html>
                ```
                ```css
                /* public/style.css */
                body { margin: 0; }
                ```
                ```python
                # tools/seed.py
                print("seed")
                ```
                """);

        assertThat(result.pasted())
                .containsOnlyKeys("server.js", "public/index.html", "public/style.css", "tools/seed.py");
        assertThat(result.pasted().get("server.js")).startsWith("// file: server.js\n");
        assertThat(result.recognised()).allMatch(r -> r.endsWith("(named by the comment on its first line)"));
        assertThat(result.added().get("package.json")).contains("\"express\"", "\"start\": \"node server.js\"");
    }

    @Test
    void fenceInfoStringsNameFilesInEitherStyle() {
        PasteResult result = pastes.read("""
                ```js title="server.js"
                require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)
                ```
                ```python:app.py
                print("hi")
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("server.js", "app.py");
        assertThat(result.recognised()).allMatch(r -> r.endsWith("(named in the code fence)"));
    }

    @Test
    void aLoneHtmlPageBecomesIndexHtml() {
        PasteResult result = pastes.read("""
                <!DOCTYPE html>
                <html lang="en">
                <head><title>Birthday</title><style>body{font-family:sans-serif}</style></head>
                <body><h1>Happy birthday!</h1><script>document.title += ' 🎉'</script></body>
                </html>
                """);

        assertThat(result.pasted()).containsOnlyKeys("index.html");
        assertThat(result.recognised()).containsExactly("index.html (recognised as a whole HTML page)");
        assertThat(result.added()).isEmpty();
        assertThat(result.commitMessage()).isEqualTo("Pasted index.html");
    }

    @Test
    void aLoneFlaskFileBecomesAppPyWithRequirementsAndAStartCommand() {
        PasteResult result = pastes.read("""
                from flask import Flask, jsonify
                import requests

                app = Flask(__name__)

                @app.get("/")
                def index():
                    return jsonify(ok=True)
                """);

        assertThat(result.pasted()).containsOnlyKeys("app.py");
        assertThat(result.recognised()).containsExactly("app.py (recognised as a Flask app (it imports flask))");
        assertThat(result.added().get("requirements.txt")).contains("flask", "requests", "gunicorn");
        assertThat(result.added().get("Procfile")).isEqualTo("web: gunicorn -b 0.0.0.0:$PORT app:app\n");
        assertThat(result.summary()).contains("Added requirements.txt", "Start command: gunicorn");
    }

    @Test
    void aLoneReactComponentGetsAViteProjectAroundIt() {
        PasteResult result = pastes.read("""
                import React, { useEffect, useState } from "react";
                import { motion } from "framer-motion";

                export default function TodoList() {
                  const [items, setItems] = useState([]);
                  useEffect(() => { setItems(["milk"]); }, []);
                  return (
                    <motion.ul>{items.map(i => <li key={i}>{i}</li>)}</motion.ul>
                  );
                }
                """);

        assertThat(result.pasted()).containsOnlyKeys("src/App.jsx");
        assertThat(result.added()).containsOnlyKeys("package.json", "vite.config.js", "index.html", "src/main.jsx");
        assertThat(result.added().get("package.json")).contains("\"framer-motion\"", "\"build\": \"vite build\"");
        assertThat(result.added().get("src/main.jsx")).contains("import App from './App'");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("Added a Vite project around src/App.jsx"));
    }

    @Test
    void aLoneExpressServerBecomesServerJsWithAPackageJson() {
        PasteResult result = pastes.read("""
                const express = require("express");
                const cors = require("cors");
                const app = express();
                app.use(cors());
                app.get("/api/hello", (req, res) => res.json({ hello: "world" }));
                app.listen(process.env.PORT || 3000, () => console.log("listening"));
                """);

        assertThat(result.pasted()).containsOnlyKeys("server.js");
        assertThat(result.added().get("package.json")).contains("\"cors\"", "\"express\"");
        assertThat(result.startCommand()).isEqualTo("node server.js");
    }

    @Test
    void chatProseAroundBlocksIsIgnoredAndCommandsAreSkipped() {
        PasteResult result = pastes.read("""
                Here is the code:

                ```python
                from fastapi import FastAPI

                app = FastAPI()

                @app.get("/")
                def root():
                    return {"message": "Hello World"}
                ```

                To run it, install the dependencies:

                ```bash
                pip install fastapi uvicorn
                uvicorn main:app --reload
                ```

                Let me know if you need anything else!
                """);

        assertThat(result.pasted()).containsOnlyKeys("app.py");
        assertThat(result.recognised())
                .containsExactly(
                        "app.py (no name given; recognised as a FastAPI app (it imports fastapi))",
                        "Skipped a block of commands (\"pip install fastapi uvicorn\"): commands or output, not a file.");
        assertThat(result.startCommand()).startsWith("uvicorn app:app");
    }

    @Test
    void aFileNamedTwiceKeepsTheLaterVersion() {
        PasteResult result = pastes.read("""
                ### main.py
                ```python
                print("first")
                ```
                Oops, that had a bug. Here is the fixed version:

                ### main.py
                ```python
                print("fixed")
                ```
                """);

        assertThat(result.pasted())
                .containsExactly(org.assertj.core.api.Assertions.entry("main.py", "print(\"fixed\")\n"));
        assertThat(result.recognised()).contains("main.py appears more than once; the last version is kept.");
    }

    @Test
    void anUnnamedBlockAmongNamedOnesIsPlacedByItsContentOrSkipped() {
        PasteResult result = pastes.read("""
                1. **index.html**
                ```html
                <!doctype html><html><head><link rel="stylesheet" href="style.css"></head><body></body></html>
                ```
                2. And the styles:
                ```
                body { background: #fafafa; color: #222; }
                ```
                Example output:
                ```
                Server started on http://localhost:8080
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("index.html", "style.css");
        assertThat(result.recognised())
                .contains("style.css (no name given; recognised as CSS rules)")
                .anyMatch(r -> r.startsWith("Skipped an unnamed block starting \"Server started"));
    }

    @Test
    void windowsLineEndingsAreUnderstoodAndNotKept() {
        PasteResult result = pastes.read("### app.py\r\n```python\r\nprint('hi')\r\n```\r\n\r\n"
                + "### README.md\r\n```markdown\r\n# Hi\r\n```\r\n");

        assertThat(result.pasted()).containsOnlyKeys("app.py", "README.md");
        assertThat(result.pasted().get("app.py")).isEqualTo("print('hi')\n");
    }

    @Test
    void severalFilesWithoutFencesAreSplitAtTheirNamingComments() {
        PasteResult result = pastes.read("""
                // file: index.js
                const add = require('./add')
                console.log(add(1, 2))
                // file: add.js
                module.exports = (a, b) => a + b
                """);

        assertThat(result.pasted()).containsOnlyKeys("index.js", "add.js");
        assertThat(result.pasted().get("add.js")).isEqualTo("// file: add.js\nmodule.exports = (a, b) => a + b\n");
    }

    @Test
    void plainPythonWithoutAFrameworkBecomesMainPy() {
        PasteResult result = pastes.read("""
                import random

                def roll():
                    return random.randint(1, 6)

                print(roll())
                """);

        assertThat(result.pasted()).containsOnlyKeys("main.py");
    }

    @Test
    void aLoneStylesheetBecomesStyleCssWithAHostPage() {
        PasteResult result = pastes.read("""
                :root { --accent: #0a7; }
                h1 { color: var(--accent); }
                """);

        assertThat(result.pasted()).containsOnlyKeys("style.css");
        assertThat(result.added()).containsKey("index.html");
    }

    @Test
    void namesThatEscapeTheProjectAreRefused() {
        assertThatThrownBy(() -> pastes.read("### ../../etc/cron.d/x.sh\n```sh\necho hi\n```\n"))
                .isInstanceOf(WorkspaceException.class);
        assertThatThrownBy(() -> pastes.read("```js title=\"/etc/passwd.js\"\nx\n```\n"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("outside the project");
    }

    @Test
    void proseWithoutCodeIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> pastes.read("Can you make me a website for my bakery?"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("No code was found in the paste.");
        assertThatThrownBy(() -> pastes.read("  \r\n "))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage("The paste is empty");
    }

    @Test
    void anAnswersNamedBlocksAreItsFilesAndUnnamedOrEscapingOnesAreNot() {
        String answer = """
                Here you go.

                **index.html**
                ```html
                <p>hi</p>
                ```

                Install it with:
                ```bash
                npm install
                ```

                ```js
                // ../outside.js
                alert(1);
                ```
                """;

        assertThat(pastes.namedFiles(answer)).containsOnlyKeys("index.html").containsEntry("index.html", "<p>hi</p>\n");
        assertThat(pastes.namedFiles("Just prose, no code.")).isEmpty();
    }
}

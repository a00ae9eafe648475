package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.StackDetector;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a repaired and completed paste becomes once written: the app the detector sees, not "no web server". */
class PastedAppsDetectTest {

    private final Pastes pastes = new Pastes(null);

    private DetectionReport detect(String paste, Path dir) throws IOException {
        Pastes.write(dir, pastes.read(paste).files());
        return new StackDetector().detect(dir);
    }

    @Test
    void aLoneVueComponentIsABuiltFrontEnd(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                ```vue
                <template><h1>{{ title }}</h1></template>
                <script setup>
                const title = 'Hello'
                </script>
                ```
                """, dir);

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.webServer()).isTrue();
    }

    @Test
    void aReactComponentAtTheRootIsABuiltFrontEnd(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                **App.jsx**
                ```jsx
                export default function App() { return <h1>Hello</h1> }
                ```
                """, dir);

        assertThat(report.stack()).isEqualTo(Stack.SPA);
    }

    @Test
    void aSpringBootControllerWithItsPomIsASpringBootApp(@TempDir Path dir) throws IOException {
        DetectionReport report = detect(PasteRepairTest.BOOT_POM + """
                **GreetingController.java**
                ```java
                package com.example.greeter;

                import org.springframework.web.bind.annotation.*;

                @RestController
                public class GreetingController {
                    @GetMapping("/") public String hello() { return "hello"; }
                }
                ```
                """, dir);

        assertThat(report.stack()).isEqualTo(Stack.JAVA);
        assertThat(report.framework()).isEqualTo("spring-boot");
        assertThat(dir.resolve("src/main/java/com/example/greeter/Application.java"))
                .exists();
    }

    @Test
    void pastedGoCodeIsAGoModuleThatTheBuildTidies(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                ```go
                package main

                import "net/http"

                func main() { http.ListenAndServe(":8080", http.FileServer(http.Dir("."))) }
                ```
                """, dir);

        assertThat(report.stack()).isEqualTo(Stack.GO);
        assertThat(report.commands().install()).isEqualTo("go mod tidy");
    }

    @Test
    void aNodeServerOnLocalhostIsNoLongerReportedAsBoundToLocalhost(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                ```js server.js
                const express = require('express')
                const app = express()
                app.get('/', (req, res) => res.send('hi'))
                app.listen(3000, 'localhost')
                ```
                """, dir);

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.warnings()).noneMatch(w -> w.code().equals("BOUND_TO_LOCALHOST"));
        assertThat(report.port()).isEqualTo(8080);
    }

    @Test
    void aLoneSvelteComponentWithoutANameIsABuiltFrontEndMountedWithSvelte(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                ```
                <script>
                  let count = 0;
                </script>

                <button on:click={() => count++}>Clicked {count} times</button>
                ```
                """, dir);

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.framework()).isEqualTo("vite-svelte");
        assertThat(dir.resolve("src/App.svelte")).exists();
        assertThat(dir.resolve("src/main.js")).content().contains("mount(App, { target:");
        assertThat(dir.resolve("package.json")).content().contains("\"@sveltejs/vite-plugin-svelte\"");
    }

    @Test
    void nextPagesWithoutTheirProjectAreANextAppWithARootLayoutAndClientComponentsMarked(@TempDir Path dir)
            throws IOException {
        DetectionReport report = detect("""
                `app/page.tsx`
                ```tsx
                import { useState } from 'react';
                import Link from 'next/link';
                export default function Home() {
                  const [n, setN] = useState(0);
                  return <main><h1>Count {n}</h1><button onClick={() => setN(n + 1)}>+</button></main>;
                }
                ```
                """, dir);

        assertThat(report.framework()).isEqualTo("nextjs");
        assertThat(dir.resolve("package.json"))
                .content()
                .contains("\"next\": \"*\"", "\"react-dom\": \"*\"", "\"build\": \"next build\"", "\"typescript\"")
                .doesNotContain("vite");
        assertThat(dir.resolve("app/layout.tsx")).content().contains("<body>{children}</body>");
        assertThat(dir.resolve("app/page.tsx")).content().startsWith("'use client'");
    }

    @Test
    void aPagesRouterPasteUsingThePathAliasGetsTheAliasAndNoPackageNamedAfterIt(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                **pages/index.js**
                ```jsx
                import Greeting from '@/components/Greeting'
                export default function Home() { return <Greeting name="world" /> }
                ```
                **components/Greeting.js**
                ```jsx
                export default function Greeting({ name }) { return <h1>Hello {name}</h1> }
                ```
                """, dir);

        assertThat(report.framework()).isEqualTo("nextjs");
        assertThat(dir.resolve("jsconfig.json")).content().contains("\"@/*\": [\"./*\"]");
        assertThat(dir.resolve("package.json")).content().doesNotContain("\"@/components\"");
        assertThat(dir.resolve("pages/index.js")).content().doesNotContain("use client");
    }

    @Test
    void aPastedGradioDemoIsAWebAppNotARunPage(@TempDir Path dir) throws IOException {
        DetectionReport report = detect("""
                ```python
                import gradio as gr

                demo = gr.Interface(fn=lambda name: "Hello " + name, inputs="text", outputs="text")
                demo.launch()
                ```
                """, dir);

        assertThat(report.webServer()).isTrue();
        assertThat(report.commands().start()).contains("GRADIO_SERVER_PORT=$PORT");
    }

    @Test
    void aSpringControllerPastedAloneGetsAMavenBuildAPackageAndTheImportsItLeftOut(@TempDir Path dir)
            throws IOException {
        DetectionReport report = detect("""
                ```java
                @RestController
                public class QuoteController {
                    @Autowired
                    private QuoteService quotes;

                    @GetMapping("/")
                    public String quote() { return quotes.next(); }
                }
                ```
                ```java
                @Service
                public class QuoteService {
                    public String next() { return "Stay hungry"; }
                }
                ```
                """, dir);

        assertThat(report.framework()).isEqualTo("spring-boot");
        assertThat(dir.resolve("pom.xml")).content().contains("spring-boot-starter-parent", "spring-boot-starter-web");
        assertThat(dir.resolve("src/main/java/app/QuoteController.java"))
                .content()
                .startsWith("package app;\n\nimport org.springframework.web.bind.annotation.*;\n")
                .contains("import org.springframework.beans.factory.annotation.Autowired;");
        assertThat(dir.resolve("src/main/java/app/QuoteService.java"))
                .content()
                .contains("import org.springframework.stereotype.*;");
        assertThat(dir.resolve("src/main/java/app/Application.java")).content().contains("@SpringBootApplication");
        assertThat(dir.resolve("QuoteController.java")).doesNotExist();
    }
}

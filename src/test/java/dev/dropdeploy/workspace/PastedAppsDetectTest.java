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
}

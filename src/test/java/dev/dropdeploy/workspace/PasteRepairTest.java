package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pastes that failed on real installations, one general kind each: what a person would obviously repair or add is
 * repaired or added, and the user is told so.
 */
class PasteRepairTest {

    /** A Spring Boot web pom as chats show it, named above its block. */
    static final String BOOT_POM = """
            **pom.xml**
            ```xml
            <project>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>4.1.2</version>
              </parent>
              <groupId>com.example</groupId>
              <artifactId>greeter</artifactId>
              <version>1.0</version>
              <dependencies>
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-web</artifactId>
                </dependency>
              </dependencies>
            </project>
            ```
            """;

    private final Pastes pastes = new Pastes(null);

    @Test
    void aNamedReactComponentAtTheRootGetsAViteProjectAroundIt() {
        PasteResult result = pastes.read("""
                Here is your component:

                ```jsx App.jsx
                import { useState } from 'react'

                export default function App() {
                  const [n, setN] = useState(0)
                  return <button onClick={() => setN(n + 1)}>Clicked {n} times</button>
                }
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("App.jsx");
        assertThat(result.added()).containsKeys("package.json", "vite.config.js", "index.html");
        String entry = result.added().keySet().stream()
                .filter(p -> p.matches(".*main\\.jsx"))
                .findFirst()
                .orElseThrow();
        assertThat(result.added().get(entry)).contains("import App from");
        assertThat(result.added().get("index.html")).contains("src=\"/" + entry + "\"");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("Added a Vite project around App.jsx"));
    }

    @Test
    void aComponentWithAnotherNameIsMountedByItsOwnName() {
        PasteResult result = pastes.read("""
                **src/components/PriceCard.tsx**
                ```tsx
                type Props = { price: number }
                export default function PriceCard({ price }: Props) {
                  return (<div className="card">{price} EUR</div>)
                }
                ```
                """);

        assertThat(result.added()).containsKeys("package.json", "index.html");
        assertThat(result.added().values()).anyMatch(c -> c.contains("import PriceCard from './components/PriceCard'"));
        assertThat(result.added().get("package.json")).contains("\"typescript\"");
    }

    @Test
    void aComponentWhoseFileNameIsNoIdentifierIsMountedAsApp() {
        PasteResult result = pastes.read("""
                **src/todo-list.vue**
                ```vue
                <template><h1>Todos</h1></template>
                <script setup></script>
                ```
                """);

        assertThat(result.added().get("src/main.js"))
                .contains("import App from './todo-list.vue'", "createApp(App).mount('#app')");
    }

    @Test
    void aCreateReactAppStyleAnswerWithJsxInJsFilesIsRenamedAndMountedByItsOwnEntry() {
        PasteResult result = pastes.read("""
                **src/App.js**
                ```javascript
                import React, { useState } from 'react';
                import './App.css';

                function App() {
                  const [n, setN] = useState(0);
                  return <button onClick={() => setN(n + 1)}>Clicked {n}</button>;
                }

                export default App;
                ```

                **src/index.js**
                ```javascript
                import React from 'react';
                import ReactDOM from 'react-dom/client';
                import './index.css';
                import App from './App';

                const root = ReactDOM.createRoot(document.getElementById('root'));
                root.render(<App />);
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("src/App.jsx", "src/index.jsx");
        assertThat(result.recognised()).anyMatch(r -> r.startsWith("src/App.js renamed src/App.jsx"));
        assertThat(result.added())
                .containsOnlyKeys("package.json", "vite.config.js", "index.html", "src/App.css", "src/index.css");
        assertThat(result.added().get("index.html")).contains("src=\"/src/index.jsx\"", "id=\"root\"");
    }

    @Test
    void aLoneVueComponentGetsAViteProjectAroundIt() {
        PasteResult result = pastes.read("""
                <template>
                  <div class="counter">
                    <button @click="count++">Count is {{ count }}</button>
                  </div>
                </template>

                <script setup>
                import { ref } from 'vue'
                const count = ref(0)
                </script>

                <style scoped>
                .counter { font-size: 2rem; }
                </style>
                """);

        assertThat(result.pasted()).containsOnlyKeys("src/App.vue");
        assertThat(result.added()).containsKeys("package.json", "vite.config.js", "index.html", "src/main.js");
        assertThat(result.added().get("package.json")).contains("\"vue\"", "\"@vitejs/plugin-vue\"");
        assertThat(result.added().get("src/main.js")).contains("createApp(App).mount('#app')");
        assertThat(result.added().get("index.html")).contains("<div id=\"app\"></div>");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("Added a Vite project around src/App.vue"));
    }

    @Test
    void anUnnamedJavaClassIsNamedByItsPublicClassInItsPackageFolder() {
        PasteResult result = pastes.read("""
                ```java
                package com.example.quotes;

                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;

                public class QuoteServer {
                    public static void main(String[] args) throws Exception {
                        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
                        server.start();
                    }
                }
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("com/example/quotes/QuoteServer.java");
        assertThat(result.recognised()).anyMatch(r -> r.contains("public class QuoteServer"));
    }

    @Test
    void aPackageLineThatIsNoPackageNamesNoFolder() {
        PasteResult result = pastes.read("""
                ```java
                package ../../etc;
                public class Cron { }
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("Cron.java");
    }

    @Test
    void anUnnamedJavaClassBesideAPomGoesUnderSrcMainJava() {
        PasteResult result = pastes.read("""
                ```xml
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>quotes</artifactId>
                  <version>1.0</version>
                </project>
                ```
                ```java
                public class Quotes {
                    public static void main(String[] args) { System.out.println("hi"); }
                }
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("pom.xml", "src/main/java/Quotes.java");
    }

    @Test
    void unnamedGoAndNodeBlocksAreNamedByTheirContent() {
        PasteResult result = pastes.read("""
                ```
                module example.com/hello

                go 1.22
                ```
                ```
                package main

                import (
                	"fmt"
                	"net/http"
                )

                func main() {
                	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hi") })
                	http.ListenAndServe(":8080", nil)
                }
                ```
                ```json
                {
                  "name": "tools",
                  "scripts": { "start": "node index.js" }
                }
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("go.mod", "main.go", "package.json");
    }

    @Test
    void aNamingCommentInsideAJsonFenceIsRemovedSoTheJsonParses() {
        PasteResult result = pastes.read("""
                ```json
                // package.json
                {
                  "name": "hello",
                  "scripts": { "start": "node server.js" },
                  "dependencies": { "express": "^4.21.2" }
                }
                ```
                ```js
                # file: server.js
                const express = require('express')
                express().get('/', (q, s) => s.send('hi')).listen(process.env.PORT || 3000)
                ```
                ```json
                # file: data/prices.json
                [1, 2, 3]
                ```
                """);

        assertThat(result.pasted().get("package.json")).startsWith("{").doesNotContain("//");
        assertThat(result.pasted().get("data/prices.json")).isEqualTo("[1, 2, 3]\n");
        assertThat(result.recognised())
                .anyMatch(r -> r.contains("package.json") && r.contains("comment line") && r.contains("removed"));
    }

    @Test
    void windowsLineEndingsAreRemovedEverywhereAndTheUserIsTold() {
        PasteResult result = pastes.read("```js server.js\r\n"
                + "const http = require('http')\r\n"
                + "http.createServer((q, s) => s.end('ok')).listen(process.env.PORT)\r\n```\r\n"
                + "**index.html**\r\n```html\r\n<p>hi</p>\r\n```\r\n");

        assertThat(result.pasted()).containsOnlyKeys("server.js", "index.html");
        assertThat(result.files().values()).noneMatch(c -> c.contains("\r"));
        assertThat(result.recognised()).anyMatch(r -> r.contains("Windows line endings"));
    }

    @Test
    void aNodeServerOnLocalhostAndAFixedPortIsMadeToListenOnAllAddressesAndPort() {
        PasteResult result = pastes.read("""
                ```js server.js
                const express = require('express');
                const app = express();
                const PORT = 3000;
                app.get('/', (req, res) => res.send('hello'));
                app.listen(PORT, '127.0.0.1', () => console.log(`Running on http://127.0.0.1:${PORT}`));
                ```
                """);

        String server = result.pasted().get("server.js");
        assertThat(server)
                .contains("const PORT = Number(process.env.PORT) || 3000;")
                .contains("app.listen(PORT, '0.0.0.0', () => console.log(`Running on http://127.0.0.1:${PORT}`));");
        assertThat(result.notes())
                .anyMatch(r -> r.startsWith("server.js: changed") && r.contains("0.0.0.0") && r.contains("PORT"));
    }

    @Test
    void aPlainHttpServerWithHostAndPortConstantsIsRepairedTheSameWay() {
        PasteResult result = pastes.read("""
                const http = require('http');

                const hostname = 'localhost';
                const port = 3000;

                const server = http.createServer((req, res) => { res.end('Hello World'); });

                server.listen(port, hostname, () => console.log(`Server running at http://${hostname}:${port}/`));
                """);

        assertThat(result.pasted().get("index.js"))
                .contains("const hostname = '0.0.0.0';")
                .contains("const port = Number(process.env.PORT) || 3000;");
    }

    @Test
    void onlyWhatTheListenCallReadsIsChangedNotADatabaseOnLocalhost() {
        PasteResult result = pastes.read("""
                ```js server.js
                const express = require('express');
                const mysql = require('mysql2');
                const DB_HOST = 'localhost';
                const DB_PORT = 3306;
                const db = mysql.createConnection({ host: DB_HOST, port: DB_PORT });
                express().listen({ host: 'localhost', port: 3000 });
                ```
                """);

        assertThat(result.pasted().get("server.js"))
                .contains("const DB_HOST = 'localhost';", "const DB_PORT = 3306;")
                .contains(".listen({ host: '0.0.0.0', port: Number(process.env.PORT) || 3000 });");
    }

    @Test
    void aServerThatAlreadyReadsPortAndBindsAllAddressesIsLeftAlone() {
        String code = """
                const express = require('express')
                express().listen(process.env.PORT || 3000, '0.0.0.0')
                """;

        PasteResult result = pastes.read(code);

        assertThat(result.pasted().get("server.js")).isEqualTo(code);
        assertThat(result.notes()).noneMatch(r -> r.contains("changed"));
    }

    @Test
    void aGoFileWithoutGoModGetsAModule() {
        PasteResult result = pastes.read("""
                ```go
                package main

                import (
                	"net/http"

                	"github.com/gin-gonic/gin"
                )

                func main() {
                	r := gin.Default()
                	r.GET("/", func(c *gin.Context) { c.String(http.StatusOK, "hi") })
                	r.Run()
                }
                ```
                """);

        assertThat(result.added()).containsKey("go.mod");
        assertThat(result.added().get("go.mod")).startsWith("module ");
        assertThat(result.notes()).anyMatch(n -> n.contains("go.mod") && n.contains("go.sum"));
    }

    @Test
    void aSpringBootControllerAndPomWithoutAnApplicationClassGetOne() {
        PasteResult result = pastes.read(BOOT_POM + """
                ```java
                package com.example.greeter.web;

                import org.springframework.web.bind.annotation.*;

                @RestController
                public class GreetingController {
                    @GetMapping("/")
                    public String hello() { return "hello"; }
                }
                ```
                """);

        assertThat(result.pasted())
                .containsOnlyKeys("pom.xml", "src/main/java/com/example/greeter/web/GreetingController.java");
        String app = "src/main/java/com/example/greeter/web/Application.java";
        assertThat(result.added()).containsKey(app);
        assertThat(result.added().get(app))
                .contains("package com.example.greeter.web;", "@SpringBootApplication", "SpringApplication.run");
        assertThat(result.notes()).anyMatch(n -> n.contains("@SpringBootApplication"));
    }

    @Test
    void aTreeInTheProsePlacesFilesNamedOnlyByTheirBareName() {
        PasteResult result = pastes.read("""
                Here is the structure:

                ```
                guestbook/
                ├── server.js
                ├── package.json
                └── public/
                    ├── index.html
                    └── js/
                        └── app.js
                ```

                **server.js**
                ```js
                const express = require('express');
                const app = express();
                app.use(express.static('public'));
                app.listen(process.env.PORT || 3000);
                ```

                **index.html**
                ```html
                <!doctype html><html><body><script src="js/app.js"></script></body></html>
                ```

                **app.js**
                ```js
                document.body.append('hi');
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("server.js", "public/index.html", "public/js/app.js");
        assertThat(result.recognised()).anyMatch(r -> r.contains("public/index.html") && r.contains("tree"));
    }

    @Test
    void anIndentedListInTheProsePlacesFilesToo() {
        PasteResult result = pastes.read("""
                Project layout:

                - server.js
                - public/
                  - index.html

                ### server.js
                ```js
                require('express')().use(require('express').static('public')).listen(process.env.PORT)
                ```

                ### index.html
                ```html
                <!doctype html><html><body>hi</body></html>
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("server.js", "public/index.html");
    }

    @Test
    void aTreeThatPointsOutsideTheProjectIsIgnoredAndThePasteStillReads() {
        PasteResult result = pastes.read("""
                ```
                app/
                ├── ../../etc/
                │   └── cron.js
                └── index.html
                ```

                **cron.js**
                ```js
                console.log('hi')
                ```
                """);

        assertThat(result.pasted()).containsOnlyKeys("cron.js");
    }
}

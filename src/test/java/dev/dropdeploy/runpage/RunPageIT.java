package dev.dropdeploy.runpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.FileDeploys;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.Pastes;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Programs that do not serve HTTP, deployed for real and used in Chromium through Traefik: each gets a run page whose
 * form comes from its code, runs it in its container and shows the output; the limits stop what runs too long or
 * prints too much, and say so. A pasted script gets the same page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPageIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.routing.public-port", () -> TRAEFIK.getMappedPort(80));
        registry.add("dropdeploy.run-page.time-limit", () -> "4s");
    }

    @Autowired
    Accounts accounts;

    @Autowired
    Projects projects;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deployments deployments;

    @Autowired
    ProjectControls controls;

    @Autowired
    Pastes pastes;

    private AccountUser owner;
    private final List<ProjectSummary> created = new ArrayList<>();
    private WebDriver browser;

    @BeforeAll
    void signUp() {
        owner = accounts.signUp("runner-" + UUID.randomUUID().toString().substring(0, 8), "correct horse battery");
    }

    @AfterAll
    void cleanUp() {
        created.forEach(project -> controls.delete(owner, project.id()));
        TRAEFIK.stop();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anArgparseScriptGetsLabelledFieldsAndOffersTheFileItWrote() throws Exception {
        String page = deploy("Loan Table", Map.of("main.py", """
                \"\"\"Prints a loan's yearly balance.\"\"\"
                import argparse

                parser = argparse.ArgumentParser(description="Prints a loan's yearly balance.")
                parser.add_argument("principal", type=float, help="amount borrowed")
                parser.add_argument("--rate", type=float, default=5.0, help="yearly interest in percent")
                parser.add_argument("--years", type=int, default=3)
                args = parser.parse_args()
                balance = args.principal
                with open("table.csv", "w") as table:
                    for year in range(1, args.years + 1):
                        balance *= 1 + args.rate / 100
                        print(f"year {year}: {balance:.2f}")
                        table.write(f"{year},{balance:.2f}\\n")
                """));
        browser.get(page);
        waitFor(() -> !browser.findElements(By.id("field-principal")).isEmpty());
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("Prints a loan's yearly balance.");
        assertThat(browser.findElement(By.cssSelector("label[for=field-rate]")).getText())
                .isEqualTo("Rate");
        assertThat(browser.findElement(By.id("field-rate")).getAttribute("value"))
                .isEqualTo("5.0");
        assertThat(browser.findElement(By.id("result")).isDisplayed())
                .as("no run before input")
                .isFalse();

        browser.findElement(By.id("field-principal")).sendKeys("1000");
        browser.findElement(By.id("field-years")).clear();
        browser.findElement(By.id("field-years")).sendKeys("2");
        browser.findElement(By.id("run")).click();
        waitFor(() -> status().startsWith("Exit status 0"));
        Browser.screenshot(browser, "run-page-argparse");
        assertThat(output()).isEqualTo("year 1: 1050.00\nyear 2: 1102.50\n");

        WebElement file = browser.findElement(By.cssSelector("#files a"));
        assertThat(file.getText()).isEqualTo("table.csv");
        HttpResponse<String> download = Http.send(Http.toApp(file.getAttribute("href")));
        assertThat(download.body()).isEqualTo("1,1050.00\n2,1102.50\n");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    }

    @Test
    void aScriptThatAsksTwiceGetsOneFieldPerPrompt() throws Exception {
        String page = deploy("Greeter", Map.of("main.py", """
                name = input("What is your name? ")
                city = input("Where do you live? ")
                print(f"Hello {name} from {city}!")
                """));
        browser.get(page);
        waitFor(() -> !browser.findElements(By.id("prompt-1")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("label[for=prompt-0]")).getText())
                .isEqualTo("What is your name?");
        browser.findElement(By.id("prompt-0")).sendKeys("Ada");
        browser.findElement(By.id("prompt-1")).sendKeys("London");
        browser.findElement(By.id("run")).click();
        waitFor(() -> status().startsWith("Exit status 0"));
        assertThat(output()).isEqualTo("What is your name? Where do you live? Hello Ada from London!\n");
    }

    @Test
    void aNodeScriptWithADefaultRunsAsThePageOpensAndTakesArguments() throws Exception {
        String page = deploy(
                "Count Down",
                Map.of(
                        "package.json", """
                {"name": "count-down", "description": "Counts down to lift-off", "scripts": {"start": "node count.js"}}""",
                        "count.js", """
                const from = Number(process.argv[2] || 3);
                for (let i = from; i > 0; i--) console.log(i);
                console.error("lift-off");
                """));
        browser.get(page);
        waitFor(() -> status().startsWith("Exit status 0"));
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("count-down");
        // The two streams are told apart; how they interleave is up to the program's timing.
        assertThat(streamText("stdout")).isEqualTo("3\n2\n1\n");
        assertThat(streamText("stderr")).isEqualTo("lift-off\n");

        browser.findElement(By.id("args")).sendKeys("5");
        browser.findElement(By.id("run")).click();
        waitFor(() -> streamText("stdout").equals("5\n4\n3\n2\n1\n") && status().startsWith("Exit status 0"));
    }

    @Test
    void aJavaClassWithMainReadsItsPromptedInput() throws Exception {
        String page = deploy("Adder", Map.of("Adder.java", """
                import java.util.Scanner;

                /** Adds two whole numbers. */
                public class Adder {
                    public static void main(String[] args) {
                        Scanner in = new Scanner(System.in);
                        System.out.print("First: ");
                        int a = in.nextInt();
                        System.out.print("Second: ");
                        int b = in.nextInt();
                        System.out.println("Sum: " + (a + b));
                    }
                }
                """));
        browser.get(page);
        waitFor(() -> !browser.findElements(By.id("prompt-1")).isEmpty());
        browser.findElement(By.id("prompt-0")).sendKeys("40");
        browser.findElement(By.id("prompt-1")).sendKeys("2");
        browser.findElement(By.id("run")).click();
        waitFor(() -> status().startsWith("Exit status 0"));
        assertThat(output()).endsWith("Sum: 42\n");
    }

    @Test
    void aGoProgramsFlagsBecomeFields() throws Exception {
        String page = deploy(
                "Repeat",
                Map.of(
                        "go.mod", "module example.com/repeat\n\ngo 1.22\n",
                        "main.go", """
                // Command repeat says a word a number of times.
                package main

                import (
                	"flag"
                	"fmt"
                	"strings"
                )

                func main() {
                	word := flag.String("word", "hello", "what to say")
                	times := flag.Int("times", 2, "how many times")
                	shout := flag.Bool("shout", false, "in capitals")
                	flag.Parse()
                	for i := 0; i < *times; i++ {
                		if *shout {
                			fmt.Println(strings.ToUpper(*word))
                		} else {
                			fmt.Println(*word)
                		}
                	}
                }
                """));
        browser.get(page);
        waitFor(() -> status().startsWith("Exit status 0"));
        assertThat(output()).isEqualTo("hello\nhello\n");
        browser.findElement(By.id("field-word")).clear();
        browser.findElement(By.id("field-word")).sendKeys("go");
        browser.findElement(By.id("field-shout")).click();
        browser.findElement(By.id("run")).click();
        waitFor(() -> output().equals("GO\nGO\n") && status().startsWith("Exit status 0"));
    }

    @Test
    void runsThatLoopOrFloodAreStoppedAtTheirLimitAndSaySo() throws Exception {
        String page = deploy("Stress", Map.of("main.py", """
                import argparse, sys
                parser = argparse.ArgumentParser()
                parser.add_argument("--mode", choices=["loop", "flood", "quiet"], default="quiet")
                mode = parser.parse_args().mode
                if mode == "loop":
                    print("spinning", flush=True)
                    while True:
                        pass
                if mode == "flood":
                    chunk = "x" * 1023 + "\\n"
                    for _ in range(10 * 1024):
                        sys.stdout.write(chunk)
                print("done")
                """));
        browser.get(page);
        waitFor(() -> status().startsWith("Exit status 0"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("field-mode"))).selectByValue("loop");
        browser.findElement(By.id("run")).click();
        waitFor(() -> status().startsWith("Stopped"));
        Browser.screenshot(browser, "run-page-time-limit");
        assertThat(status()).contains("time limit (4 s)");
        assertThat(output()).isEqualTo("spinning\n");

        JsonNode flood = api(page, "{\"fields\": {\"mode\": \"flood\"}}");
        assertThat(flood.path("stoppedBy").asString()).isEqualTo("output limit (1 MiB)");
        assertThat(flood.path("truncated").asBoolean()).isTrue();
        assertThat(flood.path("stdout").asString().length()).isEqualTo(1 << 20);

        // Two runs at once is the most; a third is told to come back.
        List<CompletableFuture<HttpResponse<String>>> loops = List.of(
                apiAsync(page, "{\"fields\": {\"mode\": \"loop\"}}"),
                apiAsync(page, "{\"fields\": {\"mode\": \"loop\"}}"));
        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(10))
                .until(() -> send(page, "{}"), response -> response.statusCode() == 429);
        assertThat(refused.body()).contains("try again");
        for (CompletableFuture<HttpResponse<String>> loop : loops) {
            assertThat(JSON.readTree(loop.get().body()).path("stoppedBy").asString())
                    .startsWith("time limit");
        }
    }

    @Test
    void aPastedScriptEndsWithAWorkingRunPage() throws Exception {
        ProjectSummary project = projects.create(owner, "Pasted Script");
        created.add(project);
        String answer = """
                Sure! Here is a script that converts temperatures:

                ```python
                import sys

                celsius = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
                print(f"{celsius} C is {celsius * 9 / 5 + 32} F")
                ```

                Run it with `python convert.py 25`.
                """;
        int version = pastes.commit(project.id(), answer).version().number();
        DeploymentView live = deployments.awaitFinal(
                owner, deployments.deploy(owner, project.id(), version).id(), Duration.ofMinutes(5));
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        assertThat(live.runPage()).isTrue();

        browser.get(live.url());
        waitFor(() -> status().startsWith("Exit status 0"));
        assertThat(output()).isEqualTo("20.0 C is 68.0 F\n");
        assertThat(api(live.url(), "{\"args\": [\"100\"]}").path("stdout").asString())
                .isEqualTo("100.0 C is 212.0 F\n");
    }

    private String deploy(String name, Map<String, String> files) throws IOException {
        ProjectSummary project = projects.create(owner, name);
        created.add(project);
        DeploymentView live = FileDeploys.deploy(workspaces, deployments, owner, project.id(), files);
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        assertThat(live.runPage()).isTrue();
        return live.url();
    }

    private String status() {
        return browser.findElement(By.id("status")).getText();
    }

    private String output() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.getElementById('output').textContent");
    }

    private String streamText(String stream) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "return [...document.querySelectorAll('#output .' + arguments[0])]"
                                + ".map(span => span.textContent).join('')",
                        stream);
    }

    private JsonNode api(String page, String body) {
        return JSON.readTree(send(page, body).body());
    }

    private static HttpResponse<String> send(String page, String body) {
        return Http.send(Http.toApp(page.replaceFirst("/?$", "/api/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static CompletableFuture<HttpResponse<String>> apiAsync(String page, String body) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(
                        Http.toApp(page.replaceFirst("/?$", "/api/run"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "the page shows status \"" + status() + "\" and output \"" + output() + "\"")
                .until(driver -> condition.getAsBoolean());
    }
}

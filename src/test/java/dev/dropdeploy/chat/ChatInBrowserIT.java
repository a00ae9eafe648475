package dev.dropdeploy.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.BrowserSignUps;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/** A person in a real browser asks for a mortgage calculator, watches the answer arrive and opens the live app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class ChatInBrowserIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);
    static final FakeOpenAi MODEL = FakeOpenAi.start();

    /** Message lists render inside shadow roots, which Selenium's getText and the page source do not enter. */
    private static final String DEEP_TEXT = """
            const walk = n => {
              let t = '';
              if (n.nodeType === Node.TEXT_NODE) return n.textContent;
              if (n.shadowRoot) t += walk(n.shadowRoot);
              for (const c of n.childNodes) t += walk(c);
              return t;
            };
            return walk(document.body);
            """;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.routing.public-port", () -> TRAEFIK.getMappedPort(80));
        registry.add("dropdeploy.llm.base-url", MODEL::baseUrl);
        registry.add("dropdeploy.llm.api-key", () -> "test-key");
        registry.add("dropdeploy.llm.model", () -> "fake-model");
    }

    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @Autowired
    ApplicationContext context;

    /** Who the test signed up in the browser: the projects it made are deleted after it. */
    private String signedUp;

    @AfterEach
    void closeBrowserAndDeleteTheApps() {
        browser.quit();
        if (signedUp != null) {
            BrowserSignUps.deleteProjectsOf(context, signedUp);
        }
    }

    @AfterAll
    static void stop() {
        TRAEFIK.stop();
        MODEL.close();
    }

    @Test
    void aPersonAsksForAMortgageCalculatorWatchesTheAnswerAndOpensTheLiveApp() {
        MODEL.answer(Scripts.CALCULATOR);
        signUpAndSignIn("chat-" + UUID.randomUUID().toString().substring(0, 8), "correct horse battery");

        browser.get("http://localhost:" + APP_PORT + "/new");
        waitFor(() -> !browser.findElements(By.cssSelector("#new-app-prompt textarea"))
                .isEmpty());
        browser.findElement(By.cssSelector("#new-app-prompt textarea")).sendKeys("build me a mortgage calculator");
        Browser.screenshot(browser, "chat-01-new-app");
        browser.findElement(By.id("new-app-start")).click();

        waitFor(() -> browser.getCurrentUrl().contains("/chat"));
        // The request arrives in the chat box, untyped a second time, but a URL never sends it: the person does.
        waitFor(() -> "build me a mortgage calculator".equals(chatBox().getDomProperty("value")));
        assertThat(MODEL.requests()).as("nothing reaches the model before Send").isEmpty();
        Browser.screenshot(browser, "chat-02-prefilled");
        browser.findElement(By.cssSelector("#chat-input vaadin-message-input-button"))
                .click();
        waitFor(() -> deepText().contains("build a mortgage calculator as one static page"));
        // The deploy builds an image, which takes seconds; text seen without a link means it streamed in first.
        boolean linkAlreadyThere = !liveLinks().isEmpty();
        Browser.screenshot(browser, "chat-03-answer-streaming");
        assertThat(linkAlreadyThere)
                .as("the answer appears before the app is live")
                .isFalse();

        waitFor(() -> !liveLinks().isEmpty());
        Browser.screenshot(browser, "chat-04-live-link");
        String transcript = deepText();
        assertThat(transcript)
                .contains("build me a mortgage calculator")
                .contains("build a mortgage calculator as one static page")
                .doesNotContain("<file")
                .doesNotContain("monthlyPayment")
                .doesNotContain("<!doctype");
        assertThat(browser.findElements(By.className("dd-file-chip")))
                .singleElement()
                .satisfies(chip -> assertThat(chip.getText()).startsWith("index.html"));
        String link = liveLinks().getFirst().getAttribute("href");
        assertThat(link).matches("http://[a-z0-9-]+\\.localhost:" + TRAEFIK.getMappedPort(80) + "/");

        browser.get(link);
        waitFor(() -> browser.getPageSource().contains("Mortgage calculator"));
        assertThat(browser.findElements(By.cssSelector("input#amount"))).hasSize(1);
        Browser.screenshot(browser, "chat-05-the-calculator");

        // The model's memory holds the request and the summary; the page it wrote lives only in the workspace.
        assertThat(jdbc.queryForList("select messages from chat_memory", String.class))
                .singleElement()
                .satisfies(memory -> assertThat(memory)
                        .contains("build me a mortgage calculator")
                        .doesNotContain("monthlyPayment")
                        .doesNotContain("doctype"));
    }

    private List<WebElement> liveLinks() {
        return browser.findElements(By.cssSelector("a.dd-live-link"));
    }

    private WebElement chatBox() {
        return browser.findElement(By.cssSelector("#chat-input vaadin-text-area textarea"));
    }

    private String deepText() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(DEEP_TEXT));
    }

    private void signUpAndSignIn(String user, String password) {
        signedUp = user;
        browser.get("http://localhost:" + APP_PORT + "/signup");
        waitFor(() ->
                !browser.findElements(By.cssSelector("#signup-username input")).isEmpty());
        browser.findElement(By.cssSelector("#signup-username input")).sendKeys(user);
        browser.findElement(By.cssSelector("#signup-password input")).sendKeys(password);
        browser.findElement(By.cssSelector("#signup-repeat input")).sendKeys(password);
        browser.findElement(By.id("signup-submit")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/login"));
        waitFor(() -> !browser.findElements(By.cssSelector("#vaadinLoginUsername input"))
                .isEmpty());
        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password + Keys.ENTER);
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(100))
                .until(driver -> condition.getAsBoolean());
    }
}

package dev.dropdeploy.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.BrowserSignUps;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/** A person in a real browser: empty start page, paste an HTML page, watch it deploy, open its link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class PasteInBrowserIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.routing.public-port", () -> TRAEFIK.getMappedPort(80));
    }

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
    static void stopTraefik() {
        TRAEFIK.stop();
    }

    @Test
    void aNewUserSignsUpPastesAPageAndOpensItsLiveLink() {
        signUpAndSignIn("browser-" + UUID.randomUUID().toString().substring(0, 8), "correct horse battery");
        waitFor(() -> browser.getPageSource().contains("No projects yet"));
        Browser.screenshot(browser, "01-empty-start-page");

        browser.get("http://localhost:" + APP_PORT + "/import");
        waitFor(() -> !browser.findElements(By.cssSelector("#paste textarea")).isEmpty());
        browser.findElement(By.cssSelector("#project-name input")).sendKeys("Pasted Page");
        browser.findElement(By.cssSelector("#paste textarea"))
                .sendKeys("<!doctype html>\n<html><body><h1>Hello from a pasted page</h1></body></html>\n");
        Browser.screenshot(browser, "02-paste");
        browser.findElement(By.id("deploy-paste")).click();

        waitFor(() -> browser.getCurrentUrl().endsWith("/projects/pasted-page"));
        waitFor(() -> cellTexts().contains("live"));
        Browser.screenshot(browser, "03-project-live");
        String link = browser.findElement(By.id("live-link")).getAttribute("href");
        assertThat(link).isEqualTo("http://pasted-page.localhost:" + TRAEFIK.getMappedPort(80) + "/");

        browser.get(link);
        waitFor(() -> browser.getPageSource().contains("Hello from a pasted page"));
        Browser.screenshot(browser, "04-the-app");

        browser.navigate().back();
        waitFor(() ->
                !browser.findElements(By.cssSelector("#protect-user input")).isEmpty());
        browser.findElement(By.cssSelector("#protect-user input")).sendKeys("guest");
        browser.findElement(By.cssSelector("#protect-password input")).sendKeys("correct horse");
        browser.findElement(By.id("protect-on")).click();
        waitFor(() -> browser.getPageSource().contains("Password protection is on"));
        Browser.screenshot(browser, "05-password-on");

        // A browser shows its own password prompt, which a page cannot read; the status says the same thing.
        String entry = "http://localhost:" + TRAEFIK.getMappedPort(80) + "/";
        waitFor(() -> Http.getWithHost(entry, "pasted-page.localhost").statusCode() == 401);
        assertThat(Http.getWithHost(entry, "pasted-page.localhost").headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        browser.get(link.replace("http://", "http://guest:correct%20horse@"));
        waitFor(() -> browser.getPageSource().contains("Hello from a pasted page"));
    }

    private void signUpAndSignIn(String user, String password) {
        signedUp = user;
        browser.get("http://localhost:" + APP_PORT + "/");
        waitFor(() -> browser.getCurrentUrl().endsWith("/login"));
        Browser.screenshot(browser, "00-login");
        Browser.signUpAndSignIn(browser, "http://localhost:" + APP_PORT, user, password);
    }

    private String cellTexts() {
        return browser.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .map(e -> e.getText())
                .reduce("", (a, b) -> a + "|" + b);
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        Browser.waitFor(browser, condition);
    }
}

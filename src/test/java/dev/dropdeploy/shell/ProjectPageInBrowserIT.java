package dev.dropdeploy.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.metrics.MetricWindow;
import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.workspace.ProjectSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The project page of a live app with its charts after some traffic, in a real browser, and its picture for the
 * README ({@code docs/screenshots/project-page.png}); then the installation dashboard with its chart.
 */
class ProjectPageInBrowserIT extends LiveInstallationIT {

    private static final Path PICTURE = Path.of("docs/screenshots/project-page.png");

    @DynamicPropertySource
    static void sampleOften(DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.metrics.interval", () -> "2s");
    }

    @Autowired
    AppMetrics metrics;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(1280, 1500));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theProjectPageOfALiveAppShowsItsLinkAndChartsAfterTraffic() throws IOException {
        ProjectSummary project = newProject("Chart Demo");
        DeploymentView live = deploy(
                project,
                Map.of(
                        "package.json",
                        "{\"name\":\"chart-demo\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node server.js\"}}",
                        "server.js",
                        "require('http').createServer((q, s) => s.end('chart demo ' + q.url))"
                                + ".listen(process.env.PORT, '0.0.0.0');\n"));
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (int i = 0; i < 20; i++) {
                        Http.send(Http.toApp(live.url() + "/page-" + i).GET());
                    }
                    assertThat(metrics.series(owner, project.id(), MetricWindow.HOUR).points().stream()
                                    .filter(p -> p.cpuPercent() != null)
                                    .count())
                            .isGreaterThanOrEqualTo(2);
                    assertThat(metrics.series(owner, project.id(), MetricWindow.HOUR)
                                    .overall()
                                    .requests())
                            .isGreaterThanOrEqualTo(100);
                });

        signIn();
        browser.get("http://localhost:" + APP_PORT + "/projects/" + project.slug());
        waitFor(() ->
                !browser.findElements(By.cssSelector("#metrics svg polyline")).isEmpty());

        assertThat(browser.findElement(By.id("live-link")).getAttribute("href")).startsWith(live.url());
        assertThat(browser.findElements(By.cssSelector("#metrics svg[role=img]")))
                .hasSize(5);
        assertThat(browser.findElement(By.id("metrics")).getText()).contains("CPU", "Memory", "Requests", "requests");
        assertThat(browser.findElement(By.id("webhook")).getText()).contains("No webhook");
        Files.createDirectories(PICTURE.getParent());
        Files.write(PICTURE, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.get("http://localhost:" + APP_PORT + "/dashboard");
        waitFor(() -> !browser.findElements(By.cssSelector("#dashboard-chart svg polyline"))
                .isEmpty());
        assertThat(browser.findElement(By.id("running-apps")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("success-rate")).getText()).isEqualTo("100%");
        Browser.screenshot(browser, "dashboard");
    }

    private void signIn() {
        browser.get("http://localhost:" + APP_PORT + "/login");
        waitFor(() -> !browser.findElements(By.cssSelector("#vaadinLoginUsername input"))
                .isEmpty());
        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(owner.username());
        browser.findElement(By.cssSelector("#vaadinLoginPassword input"))
                .sendKeys("correct horse battery" + Keys.ENTER);
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(250))
                .until(driver -> condition.getAsBoolean());
    }
}

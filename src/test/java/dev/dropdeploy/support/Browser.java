package dev.dropdeploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's chromedriver; never a downloaded browser (none can be downloaded
 * here). {@code ./dropdeploy test} installs both.
 */
public final class Browser {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browser() {}

    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,900",
                        // The tests' HTTP client reaches localhost over IPv4; Chromium would try ::1 first. The
                        // engine picks a container's IPv4 and IPv6 host ports separately and they differ once a
                        // port is busy on one family only ("Failed to allocate and map port" in its log), so ::1 at
                        // the IPv4 port can be another container's: the page would never be the one tested.
                        "--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
        return driver;
    }

    /** Signs a new account up on the sign-up page of the DropDeploy at {@code baseUrl}, then signs in with it. */
    public static void signUpAndSignIn(WebDriver driver, String baseUrl, String user, String password) {
        driver.get(baseUrl + "/signup");
        waitFor(
                driver,
                () -> !driver.findElements(By.cssSelector("#signup-username input"))
                        .isEmpty());
        driver.findElement(By.cssSelector("#signup-username input")).sendKeys(user);
        driver.findElement(By.cssSelector("#signup-password input")).sendKeys(password);
        driver.findElement(By.cssSelector("#signup-repeat input")).sendKeys(password);
        driver.findElement(By.id("signup-submit")).click();
        waitFor(driver, () -> driver.getCurrentUrl().endsWith("/login"));
        signIn(driver, baseUrl, user, password);
    }

    /** Signs in on the login page of the DropDeploy at {@code baseUrl} and waits until it lets the browser in. */
    public static void signIn(WebDriver driver, String baseUrl, String user, String password) {
        if (!driver.getCurrentUrl().endsWith("/login")) {
            driver.get(baseUrl + "/login");
        }
        waitFor(
                driver,
                () -> !driver.findElements(By.cssSelector("#vaadinLoginUsername input"))
                        .isEmpty());
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password + Keys.ENTER);
        waitFor(driver, () -> !driver.getCurrentUrl().contains("/login"));
    }

    /** Waits up to two minutes (a loaded machine), polling four times a second. */
    public static void waitFor(WebDriver driver, BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(250))
                .until(d -> condition.getAsBoolean());
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, a test artifact. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

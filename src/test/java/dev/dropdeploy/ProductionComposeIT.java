package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.CliScript;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.TraefikForTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The production install, for real: {@code docker-compose.yml} with DropDeploy's own image, run by
 * {@code scripts/compose-proof.sh} beside anything else on this engine (a name, an instance and ports of its own).
 * Everything a person does goes through Traefik at the dashboard's host name; no Spring context here, the DropDeploy
 * under test is the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionComposeIT {

    private static final String NAME = "ddproof-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "correct horse battery";
    /** DropDeploy starts in its container in about 20 s; on a machine loaded twentyfold it took 205 s. */
    private static final Duration START = Duration.ofMinutes(8);
    /** Apps' images are named after their project alone: a name no other installation on this engine uses. */
    private static final String PROJECT = "proof-" + NAME.substring("ddproof-".length());

    private final int httpPort = TraefikForTests.freePort();
    private final int apiPort = TraefikForTests.freePort();
    /** curl and Chromium resolve {@code *.localhost} to this machine, so this is the address a person would type. */
    private final String dashboard = "http://dropdeploy.localhost:" + httpPort;

    @TempDir
    static Path temp;

    @BeforeAll
    void startTheProductionInstall() throws Exception {
        script("up");
        awaitDashboard();
    }

    @AfterAll
    void removeTheProductionInstall() throws Exception {
        script("down");
        assertThat(docker("ps", "-aq", "--filter", "label=dropdeploy.instance=" + NAME))
                .isEmpty();
        assertThat(docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + NAME))
                .isEmpty();
        assertThat(docker("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + NAME))
                .isEmpty();
        assertThat(docker("network", "ls", "-q", "--filter", "label=dropdeploy.instance=" + NAME))
                .isEmpty();
        assertThat(docker("images", "-q", "dd-app/" + PROJECT)).isEmpty();
    }

    @Test
    void aPasteDeployedThroughTheProductionInstallServesSurvivesComposeDownAndUpAndComesBackFromABackup()
            throws Exception {
        assertThat(docker("port", NAME + "-app"))
                .as("DropDeploy publishes no port")
                .isEmpty();
        String key = signUpAndCreateAnApiKey("admin");
        Path page = Files.writeString(
                temp.resolve("page.html"),
                "<!doctype html><html><body><h1>Served by the production install</h1></body></html>\n");

        CliScript.Run paste = cli().run(key, "paste", page.toString(), "--name", PROJECT);

        assertThat(paste.exit()).as(paste.out() + paste.err()).isZero();
        awaitApp(PROJECT + ".localhost", "Served by the production install", Duration.ofMinutes(2));

        // A secret makes DropDeploy create its secret key (on first use) and encrypt with it.
        CliScript.Run secret = cli().runWithInput(key, "s3cret\n", "env", "set", PROJECT, "GREETING_TOKEN", "--secret");
        assertThat(secret.exit()).as(secret.out() + secret.err()).isZero();
        List<String> secretKey = docker("exec", NAME + "-app", "sha256sum", "/var/lib/dropdeploy/secret.key");
        script("restart");
        awaitDashboard();
        assertThat(docker("exec", NAME + "-app", "sha256sum", "/var/lib/dropdeploy/secret.key"))
                .as("the secret key survived")
                .isEqualTo(secretKey)
                .singleElement()
                .asString()
                .endsWith("/var/lib/dropdeploy/secret.key");

        awaitApp(PROJECT + ".localhost", "Served by the production install", START);
        CliScript.Run versions = cli().run(key, "versions", PROJECT);
        assertThat(versions.exit())
                .as("the account, its key and the project survived: " + versions.out() + versions.err())
                .isZero();
        assertThat(versions.out()).contains("1");
        CliScript.Run environment = cli().run(key, "env", "list", PROJECT);
        assertThat(environment.exit()).as(environment.out() + environment.err()).isZero();
        assertThat(environment.out()).contains("GREETING_TOKEN");

        theInstallComesBackFromItsBackupAfterTheProjectWasDeleted(key);
    }

    /** The backup is taken while everything runs; deleting the project is what a restore must undo. */
    private void theInstallComesBackFromItsBackupAfterTheProjectWasDeleted(String key) throws Exception {
        Path backup = temp.resolve("install.tar.gz");
        script("backup", backup.toString());
        CliScript.Run removal = cli().run(key, "rm", PROJECT);
        assertThat(removal.exit()).as(removal.out() + removal.err()).isZero();
        await().atMost(Duration.ofMinutes(1))
                .ignoreExceptions()
                .until(() -> !Http.getWithHost(local("/"), PROJECT + ".localhost")
                        .body()
                        .contains("Served by the production install"));

        script("restore", backup.toString());

        awaitDashboard();
        awaitApp(PROJECT + ".localhost", "Served by the production install", START);
        CliScript.Run environment = cli().run(key, "env", "list", PROJECT);
        assertThat(environment.exit())
                .as("the key, the project and its secret are back: " + environment.out() + environment.err())
                .isZero();
        assertThat(environment.out()).contains("GREETING_TOKEN");
    }

    private String signUpAndCreateAnApiKey(String user) {
        WebDriver browser = Browser.start();
        try {
            Browser.signUpAndSignIn(browser, dashboard, user, PASSWORD);
            browser.get(dashboard + "/api-keys");
            Browser.waitFor(
                    browser,
                    () -> !browser.findElements(By.cssSelector("vaadin-text-field input"))
                            .isEmpty());
            browser.findElement(By.cssSelector("vaadin-text-field:not(#new-api-key) input"))
                    .sendKeys("proof");
            browser.findElements(By.tagName("vaadin-button")).stream()
                    .filter(button -> button.getText().contains("Create key"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            Browser.waitFor(browser, () -> !apiKeyShown(browser).isBlank());
            return apiKeyShown(browser);
        } finally {
            browser.quit();
        }
    }

    private static String apiKeyShown(WebDriver browser) {
        String value = browser.findElement(By.cssSelector("#new-api-key input")).getDomProperty("value");
        return value == null ? "" : value.strip();
    }

    private void awaitDashboard() {
        await().atMost(START)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> Http.getWithHost(local("/login"), "dropdeploy.localhost")
                                .statusCode()
                        == 200);
    }

    private void awaitApp(String host, String text, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> Http.getWithHost(local("/"), host).body().contains(text));
    }

    private String local(String path) {
        return "http://localhost:" + httpPort + path;
    }

    private CliScript cli() {
        return new CliScript(dashboard, temp);
    }

    private void script(String... arguments) throws IOException, InterruptedException {
        String command = String.join(" ", arguments);
        Path log = Files.createTempFile(temp, "compose-proof-" + arguments[0], ".log");
        List<String> line = new ArrayList<>(
                List.of(Path.of("scripts/compose-proof.sh").toAbsolutePath().toString()));
        line.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("COMPOSE_PROOF_NAME", NAME);
        builder.environment().put("COMPOSE_PROOF_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("COMPOSE_PROOF_API_PORT", String.valueOf(apiPort));
        Process process = builder.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("compose-proof.sh " + command + " finished").isTrue();
        assertThat(process.exitValue())
                .as("compose-proof.sh " + command + ":\n" + output)
                .isZero();
    }

    private static List<String> docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}

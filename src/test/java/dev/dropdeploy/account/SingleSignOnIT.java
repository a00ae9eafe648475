package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.OidcProviderForTests;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an OpenID Connect provider, end to end: Spring Authorization Server runs in the test, and a cookie
 * keeping HTTP client walks the authorization-code flow as a browser does (DropDeploy, the provider's login form, back
 * to DropDeploy, which exchanges the code and checks the signed ID token). Linking and invites start on Vaadin pages,
 * so those tests use the browser. Every test starts from a new installation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dropdeploy.account.signup=closed",
            "dropdeploy.account.throttle.address-failures=1000",
            "spring.security.oauth2.client.registration.idp.client-id=" + OidcProviderForTests.CLIENT_ID,
            "spring.security.oauth2.client.registration.idp.client-secret=" + OidcProviderForTests.CLIENT_SECRET,
            "spring.security.oauth2.client.registration.idp.client-name=Test provider",
            "spring.security.oauth2.client.registration.idp.scope=openid"
        })
@Import(PostgresContainerConfiguration.class)
class SingleSignOnIT {

    static final String PASSWORD = "correct horse battery";
    static final OidcProviderForTests PROVIDER = OidcProviderForTests.start();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    SignUpPolicies policies;

    @Autowired
    UserAdministration users;

    @Autowired
    Invites invites;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.idp.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @BeforeEach
    void aNewInstallation() {
        PROVIDER.redirectTo(app("/login/oauth2/code/idp"));
        jdbc.update("delete from external_identity");
        jdbc.update("delete from password_reset");
        jdbc.update("delete from invite");
        jdbc.update("delete from signup_policy");
        jdbc.update("delete from app_user");
    }

    @Test
    void aFirstSignInCreatesTheAccountUnderAnOpenPolicyAndTheNextOneFindsIt() {
        open();
        HttpClient browser = newBrowser();

        URI landing = signInAtProvider(browser, "alice");

        assertThat(landing.getPath()).isEqualTo("/");
        assertThat(signedIn(browser)).isTrue();
        UUID alice = jdbc.queryForObject("select id from app_user where username = 'alice'", UUID.class);
        assertThat(jdbc.queryForObject(
                        "select user_id from external_identity where provider = 'idp' and subject = 'alice'",
                        UUID.class))
                .isEqualTo(alice);
        assertThat(accounts.find(alice).orElseThrow().admin()).isFalse();

        HttpClient again = newBrowser();
        assertThat(signInAtProvider(again, "alice").getPath()).isEqualTo("/");
        assertThat(signedIn(again)).isTrue();
        assertThat(userNames()).containsExactlyInAnyOrder("admin", "alice");
    }

    @Test
    void aClosedPolicyRefusesAFirstSignInAndSignsNobodyIn() {
        accounts.signUp("admin", PASSWORD);
        HttpClient browser = newBrowser();

        URI landing = signInAtProvider(browser, "bob");

        assertThat(landing.getPath()).isEqualTo("/login");
        assertThat(landing.getQuery()).isEqualTo("refused");
        assertThat(signedIn(browser)).isFalse();
        assertThat(userNames()).containsExactly("admin");
        assertThat(jdbc.queryForObject("select count(*) from external_identity", Integer.class))
                .isZero();
    }

    @Test
    void aDisabledUserIsRefusedAndTheirOpenSessionEnds() {
        AccountUser admin = open();
        HttpClient first = newBrowser();
        signInAtProvider(first, "carol");
        assertThat(signedIn(first)).isTrue();
        UUID carol = jdbc.queryForObject("select id from app_user where username = 'carol'", UUID.class);

        users.disable(admin, carol);

        assertThat(signedIn(first)).isFalse();
        HttpClient second = newBrowser();
        assertThat(signInAtProvider(second, "carol").getQuery()).isEqualTo("refused");
        assertThat(signedIn(second)).isFalse();
    }

    @Test
    void aProviderNameThatIsTakenGetsANumberAndNeverSignsInToTheOtherAccount() {
        open();
        AccountUser local = accounts.signUp("dave", PASSWORD);

        HttpClient browser = newBrowser();
        signInAtProvider(browser, "dave");

        assertThat(userNames()).contains("dave", "dave-2");
        assertThat(jdbc.queryForObject(
                        "select u.username from external_identity i join app_user u on u.id = i.user_id", String.class))
                .isEqualTo("dave-2");
        assertThat(jdbc.queryForObject(
                        "select count(*) from external_identity where user_id = ?", Integer.class, local.id()))
                .isZero();
    }

    @Test
    void aSignedInAccountLinksTheProviderInTheBrowserAndThenSignsInWithIt() {
        AccountUser admin = open();
        AccountUser erin = accounts.signUp("erin-local", PASSWORD);
        policies.change(admin, SignUpPolicy.CLOSED);
        WebDriver browser = Browser.start();
        try {
            signInWithPassword(browser, "erin-local");
            browser.get(app("/account"));
            waitFor(browser, () -> !browser.findElements(By.id("link-idp")).isEmpty());
            browser.findElement(By.id("link-idp")).click();
            signInAtProviderPage(browser, "bob");
            waitFor(browser, () -> browser.getCurrentUrl().contains("/account?linked"));
            waitFor(browser, () -> browser.getPageSource().contains("Test provider: linked"));
            Browser.screenshot(browser, "sso-linked");
        } finally {
            browser.quit();
        }

        assertThat(jdbc.queryForObject(
                        "select user_id from external_identity where provider = 'idp' and subject = 'bob'", UUID.class))
                .isEqualTo(erin.id());
        HttpClient later = newBrowser();
        assertThat(signInAtProvider(later, "bob").getPath()).isEqualTo("/");
        assertThat(signedIn(later)).isTrue();
        assertThat(userNames()).containsExactlyInAnyOrder("admin", "erin-local");
    }

    @Test
    void underTheInvitePolicyOnlyABrowserThatOpenedAnInviteLinkSignsUp() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.INVITE);
        String invite = invites.create(admin).token();
        assertThat(signInAtProvider(newBrowser(), "carol").getQuery()).isEqualTo("refused");

        WebDriver browser = Browser.start();
        try {
            browser.get(app("/signup?invite=" + invite));
            waitFor(browser, () -> !browser.findElements(By.id("sso-idp")).isEmpty());
            browser.findElement(By.id("sso-idp")).click();
            signInAtProviderPage(browser, "carol");
            waitFor(browser, () -> browser.getCurrentUrl().equals(app("/")));
        } finally {
            browser.quit();
        }

        assertThat(userNames()).containsExactlyInAnyOrder("admin", "carol");
        assertThat(invites.list(admin))
                .singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(InviteSummary.Status.USED));
    }

    private void signInWithPassword(WebDriver browser, String user) {
        browser.get(app("/login"));
        waitFor(
                browser,
                () -> !browser.findElements(By.cssSelector("#vaadinLoginUsername input"))
                        .isEmpty());
        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(user);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(PASSWORD + Keys.ENTER);
        waitFor(browser, () -> !browser.getCurrentUrl().contains("/login"));
    }

    /** Spring Security's generated login form at the provider. */
    private static void signInAtProviderPage(WebDriver browser, String user) {
        waitFor(browser, () -> browser.getCurrentUrl().startsWith(PROVIDER.issuer() + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(OidcProviderForTests.password(user) + Keys.ENTER);
    }

    private static void waitFor(WebDriver browser, BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(120))
                    .pollingEvery(Duration.ofMillis(250))
                    .until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            Browser.screenshot(browser, "sso-timeout");
            throw new AssertionError("Waited in vain at " + browser.getCurrentUrl(), e);
        }
    }

    private AccountUser open() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);
        return admin;
    }

    /** Walks the authorization-code flow: DropDeploy, the provider's login form, back; answers where it ended. */
    static URI signInAtProvider(HttpClient browser, String user, String start) {
        HttpResponse<String> form = Http.send(browser, HttpRequest.newBuilder(URI.create(start)));
        assertThat(form.uri().toString()).startsWith(PROVIDER.issuer() + "/login");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the provider's login form has a CSRF token").isTrue();
        String body = "username=" + encode(user) + "&password=" + encode(OidcProviderForTests.password(user))
                + "&_csrf=" + encode(csrf.group(1));
        return Http.send(
                        browser,
                        HttpRequest.newBuilder(form.uri())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)))
                .uri();
    }

    private URI signInAtProvider(HttpClient browser, String user) {
        return signInAtProvider(browser, user, app("/oauth2/authorization/idp"));
    }

    /** The API accepts the dashboard session on GET requests, and answers 401 without one. */
    private boolean signedIn(HttpClient browser) {
        int status = Http.send(browser, HttpRequest.newBuilder(URI.create(app("/api/v1/projects"))))
                .statusCode();
        assertThat(status).isIn(200, 401);
        return status == 200;
    }

    private List<String> userNames() {
        return jdbc.queryForList("select username from app_user", String.class);
    }

    /** DropDeploy at 127.0.0.1, the provider at localhost: one cookie jar, two sites. */
    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may sign up and sign in, against real PostgreSQL with the production default ({@code closed}). Every test starts
 * from a new installation: no users, no stored policy, no invites.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // All requests come from 127.0.0.1; the per-address limit is unit-tested and must not couple these tests.
        properties = {"dropdeploy.account.signup=closed", "dropdeploy.account.throttle.address-failures=1000"})
@Import(PostgresContainerConfiguration.class)
class SignUpPolicyIT {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    SignUpPolicies policies;

    @Autowired
    Invites invites;

    @Autowired
    UserAdministration users;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aNewInstallation() {
        jdbc.update("delete from invite");
        jdbc.update("delete from signup_policy");
        jdbc.update("delete from app_user");
    }

    @Test
    void theFirstAccountIsAdministratorAndTheSecondOnANewInstallationIsRefused() {
        AccountUser first = accounts.signUp("first", PASSWORD);

        assertThat(first.admin()).isTrue();
        assertThatThrownBy(() -> accounts.signUp("second", PASSWORD))
                .isInstanceOf(SignUpRefused.class)
                .hasMessage("Sign-up is closed on this installation; ask its administrator for an invite");
        assertThat(userCount()).isEqualTo(1);
    }

    @Test
    void twoSimultaneousFirstSignUpsMakeOneAccountOnly() throws Exception {
        List<Outcome> outcomes =
                atOnce(() -> accounts.signUp("racer-a", PASSWORD), () -> accounts.signUp("racer-b", PASSWORD));

        assertThat(outcomes)
                .filteredOn(Outcome::succeeded)
                .singleElement()
                .satisfies(o -> assertThat(o.user().admin()).isTrue());
        assertThat(outcomes)
                .filteredOn(o -> o.failure() instanceof SignUpRefused)
                .hasSize(1);
        assertThat(userCount()).isEqualTo(1);
    }

    @Test
    void anOpenedInstallationAdmitsMembersWhoAreNotAdministrators() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);

        assertThat(accounts.signUp("member", PASSWORD).admin()).isFalse();
    }

    @Test
    void anInviteLinkWorksOnceAndOnlyUnderTheInvitePolicy() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        String token = invites.create(admin).token();
        assertThatThrownBy(() -> accounts.signUp("guest", PASSWORD, token)).isInstanceOf(SignUpRefused.class);
        policies.change(admin, SignUpPolicy.INVITE);

        assertThat(accounts.signUp("guest", PASSWORD, token).admin()).isFalse();

        assertThatThrownBy(() -> accounts.signUp("second-guest", PASSWORD, token))
                .isInstanceOf(SignUpRefused.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> accounts.signUp("no-invite", PASSWORD)).isInstanceOf(SignUpRefused.class);
        assertThat(invites.list(admin))
                .singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(InviteSummary.Status.USED));
        assertThat(jdbc.queryForList("select hash from invite", String.class))
                .as("only the token's hash is stored")
                .containsExactly(KeyMaterial.hash(token));
    }

    @Test
    void twoSignUpsWithOneInviteAtOnceMakeOneAccount() throws Exception {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.INVITE);
        String token = invites.create(admin).token();

        List<Outcome> outcomes = atOnce(
                () -> accounts.signUp("twin-a", PASSWORD, token), () -> accounts.signUp("twin-b", PASSWORD, token));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(userCount()).isEqualTo(2);
    }

    @Test
    void anExpiredOrRevokedInviteIsRefusedAndAFailedSignUpLeavesAnInviteUnused() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.INVITE);
        NewInvite expired = invites.create(admin);
        jdbc.update(
                "update invite set expires_at = now() - interval '1 minute' where id = ?",
                expired.summary().id());
        NewInvite revoked = invites.create(admin);
        invites.revoke(admin, revoked.summary().id());
        String good = invites.create(admin).token();

        assertThatThrownBy(() -> accounts.signUp("late", PASSWORD, expired.token()))
                .isInstanceOf(SignUpRefused.class);
        assertThatThrownBy(() -> accounts.signUp("unlucky", PASSWORD, revoked.token()))
                .isInstanceOf(SignUpRefused.class);
        assertThatThrownBy(() -> accounts.signUp("admin", PASSWORD, good)).hasMessageContaining("taken");
        assertThat(accounts.signUp("finally", PASSWORD, good).admin()).isFalse();
        assertThat(userCount()).isEqualTo(2);
    }

    @Test
    void onlyAnAdministratorAdministersAndNeverDisablesThemselves() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);
        AccountUser bob = accounts.signUp("bob", PASSWORD);

        assertThatThrownBy(() -> users.disable(admin, admin.id())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.disable(bob, admin.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.change(bob, SignUpPolicy.OPEN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invites.create(bob)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.list(admin)).noneMatch(UserSummary::disabled);
    }

    @Test
    void aDisabledUsersApiKeyIsRefusedAtOnceAndWorksAgainWhenEnabled() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);
        AccountUser bob = accounts.signUp("bob", PASSWORD);
        String key = keys.create(bob, "cli").key();
        assertThat(listProjects(key)).isEqualTo(200);

        users.disable(admin, bob.id());
        assertThat(listProjects(key)).isEqualTo(401);

        users.enable(admin, bob.id());
        assertThat(listProjects(key)).isEqualTo(200);
    }

    @Test
    void aDisabledUserCannotSignIn() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);
        AccountUser carol = accounts.signUp("carol", PASSWORD);
        LoginForm form = new LoginForm(port);
        assertThat(form.signIn("carol", PASSWORD)).doesNotContain("/login");

        users.disable(admin, carol.id());

        assertThat(new LoginForm(port).signIn("carol", PASSWORD)).endsWith("/login?error");
    }

    @Test
    void fiveFailedSignInsPauseTheAccountEvenForTheRightPasswordButNotOthers() {
        AccountUser admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);
        accounts.signUp("dave", PASSWORD);
        LoginForm form = new LoginForm(port);
        for (int i = 0; i < 5; i++) {
            assertThat(form.signIn("dave", "wrong guess " + i)).endsWith("/login?error");
        }

        assertThat(form.signIn("dave", PASSWORD)).endsWith("/login?throttled");
        assertThat(new LoginForm(port).signIn("admin", PASSWORD)).doesNotContain("/login");
        assertThat(new LoginForm(port).signIn("nobody-here", "wrong")).endsWith("/login?error");
    }

    private int listProjects(String key) {
        return Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects"))
                        .header("Authorization", "Bearer " + key))
                .statusCode();
    }

    private int userCount() {
        return jdbc.queryForObject("select count(*) from app_user", Integer.class);
    }

    /** Runs both sign-ups released at the same moment, and says how each ended. */
    private static List<Outcome> atOnce(Callable<AccountUser> one, Callable<AccountUser> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<AccountUser>> futures =
                    List.of(pool.submit(released(start, one)), pool.submit(released(start, other)));
            return futures.stream().map(SignUpPolicyIT::outcome).toList();
        }
    }

    private static Callable<AccountUser> released(CyclicBarrier start, Callable<AccountUser> signUp) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            return signUp.call();
        };
    }

    private static Outcome outcome(Future<AccountUser> future) {
        try {
            return new Outcome(future.get(30, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Outcome(AccountUser user, Throwable failure) {
        boolean succeeded() {
            return user != null;
        }
    }
}

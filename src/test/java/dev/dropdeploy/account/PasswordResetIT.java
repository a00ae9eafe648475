package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.support.PostgresContainerConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Password reset links against real PostgreSQL and the real form login; the settings are those of
 * {@link SignUpPolicyIT}, so both share a Spring context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dropdeploy.account.signup=closed", "dropdeploy.account.throttle.address-failures=1000"})
@Import(PostgresContainerConfiguration.class)
class PasswordResetIT {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "a brand new passphrase";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    SignUpPolicies policies;

    @Autowired
    PasswordResets resets;

    @Autowired
    JdbcTemplate jdbc;

    AccountUser admin;
    AccountUser bob;

    @BeforeEach
    void anInstallationWithAnAdministratorAndBob() {
        jdbc.update("delete from password_reset");
        jdbc.update("delete from invite");
        jdbc.update("delete from signup_policy");
        jdbc.update("delete from app_user");
        admin = accounts.signUp("admin", PASSWORD);
        policies.change(admin, SignUpPolicy.OPEN);
        bob = accounts.signUp("bob", PASSWORD);
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsTheSessionsBeforeIt() {
        LoginForm earlier = new LoginForm(port);
        assertThat(earlier.signIn("bob", PASSWORD)).doesNotContain("error");
        assertThat(earlier.status("/api/v1/projects")).isEqualTo(200);
        NewPasswordReset link = resets.create(admin, bob.id());
        assertThat(resets.usable(link.token())).isTrue();

        resets.reset(link.token(), NEW_PASSWORD);

        assertThat(resets.usable(link.token())).isFalse();
        assertThatThrownBy(() -> resets.reset(link.token(), "yet another password"))
                .hasMessage(PasswordResets.UNUSABLE);
        assertThat(earlier.status("/api/v1/projects"))
                .as("the session from before ended")
                .isEqualTo(401);
        assertThat(new LoginForm(port).signIn("bob", PASSWORD)).contains("error");
        LoginForm now = new LoginForm(port);
        assertThat(now.signIn("bob", NEW_PASSWORD)).doesNotContain("error");
        assertThat(now.status("/api/v1/projects")).isEqualTo(200);
        assertThat(jdbc.queryForList("select hash from password_reset", String.class))
                .as("only the token's hash is stored")
                .containsExactly(KeyMaterial.hash(link.token()));
    }

    @Test
    void anExpiredLinkIsRefusedAndThePasswordStays() {
        NewPasswordReset link = resets.create(admin, bob.id());
        jdbc.update("update password_reset set expires_at = now() - interval '1 minute'");

        assertThat(resets.usable(link.token())).isFalse();
        assertThatThrownBy(() -> resets.reset(link.token(), NEW_PASSWORD)).hasMessage(PasswordResets.UNUSABLE);
        assertThat(new LoginForm(port).signIn("bob", PASSWORD)).doesNotContain("error");
    }

    @Test
    void aRefusedPasswordLeavesTheLinkUsableAndForgedLinksAreRefused() {
        NewPasswordReset link = resets.create(admin, bob.id());

        assertThatThrownBy(() -> resets.reset(link.token(), "short")).hasMessageContaining("at least");
        assertThat(resets.usable(link.token())).isTrue();
        for (String forged : new String[] {null, "", "ddr_short", KeyMaterial.newResetToken(), link.token() + "x"}) {
            assertThatThrownBy(() -> resets.reset(forged, NEW_PASSWORD)).hasMessage(PasswordResets.UNUSABLE);
        }
        resets.reset(link.token(), NEW_PASSWORD);
        assertThat(new LoginForm(port).signIn("bob", NEW_PASSWORD)).doesNotContain("error");
    }

    @Test
    void onlyAnAdministratorMakesResetLinks() {
        assertThatThrownBy(() -> resets.create(bob, admin.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resets.create(admin, java.util.UUID.randomUUID()))
                .hasMessage("No such user");
    }
}

package dev.dropdeploy.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation's sign-up policy, kept in the database so the administrator can change it without a restart. The
 * setting {@code dropdeploy.account.signup} is stored with the first account; an installation that had accounts before
 * the policy existed uses the setting until the administrator picks one.
 */
@Component
class SignUpPolicies {

    private static final String UPSERT = "insert into signup_policy (policy, changed_at) values (?, ?)"
            + " on conflict (singleton) do update set policy = excluded.policy, changed_at = excluded.changed_at";

    private final JdbcTemplate jdbc;
    private final AccountProperties properties;
    private final Clock clock;

    SignUpPolicies(JdbcTemplate jdbc, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    SignUpPolicy current() {
        return jdbc.query(
                "select policy from signup_policy",
                rows -> rows.next() ? SignUpPolicy.valueOf(rows.getString(1)) : properties.signup());
    }

    @Transactional
    void change(AccountUser admin, SignUpPolicy policy) {
        Admins.require(admin);
        jdbc.update(UPSERT, policy.name(), now());
    }

    /** In the first account's transaction: from now on the setting's value applies, until the admin changes it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void storeInitial() {
        jdbc.update(
                "insert into signup_policy (policy, changed_at) values (?, ?) on conflict do nothing",
                properties.signup().name(),
                now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

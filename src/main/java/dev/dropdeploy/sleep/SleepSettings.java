package dev.dropdeploy.sleep;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.Projects;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A project's idle time: how long its app may go without a request before it sleeps. Owners (and admins) set it; a
 * project without one follows {@code dropdeploy.sleep.default-idle}. Stored in {@code project_sleep}.
 */
@Service
public class SleepSettings {

    /** What the project page offers; zero is "never". */
    public static final List<Duration> CHOICES = List.of(
            Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));

    static final Duration LONGEST = Duration.ofDays(30);
    static final Duration SHORTEST = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Projects projects;
    private final SleepProperties properties;

    SleepSettings(JdbcTemplate jdbc, Projects projects, SleepProperties properties) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.properties = properties;
    }

    /** The project's own idle time; empty when it follows the installation's default. */
    public Optional<Duration> own(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return ownAsSystem(projectId);
    }

    /** What applies to the project now; zero: it never sleeps. */
    public Duration effective(AccountUser user, UUID projectId) {
        return IdleRule.idleTime(own(user, projectId), properties.defaultIdle());
    }

    public Duration installationDefault() {
        return properties.defaultIdle();
    }

    /**
     * @param idle zero for never, empty for the installation's default
     * @throws IllegalArgumentException for a negative time, one under a minute or over 30 days
     */
    public void set(AccountUser user, UUID projectId, Optional<Duration> idle) {
        projects.owned(user, projectId);
        idle.ifPresent(SleepSettings::requireSensible);
        if (idle.isEmpty()) {
            jdbc.update("delete from project_sleep where project_id = ?", projectId);
            return;
        }
        jdbc.update(
                "insert into project_sleep (project_id, idle_seconds) values (?, ?)"
                        + " on conflict (project_id) do update set idle_seconds = excluded.idle_seconds",
                projectId,
                (int) idle.get().toSeconds());
    }

    static void requireSensible(Duration idle) {
        if (idle.isZero()) {
            return;
        }
        if (idle.isNegative() || idle.compareTo(SHORTEST) < 0 || idle.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("An idle time is 0 (never sleep) or between 1 minute and 30 days, not "
                    + idle.toMinutes() + " minutes");
        }
    }

    Optional<Duration> ownAsSystem(UUID projectId) {
        return jdbc
                .query(
                        "select idle_seconds from project_sleep where project_id = ?",
                        (rs, n) -> Duration.ofSeconds(rs.getInt(1)),
                        projectId)
                .stream()
                .findFirst();
    }

    /** Every project's own idle time, for one pass of the idle rule. */
    Map<UUID, Duration> allOwn() {
        Map<UUID, Duration> all = new HashMap<>();
        jdbc.query("select project_id, idle_seconds from project_sleep", rs -> {
            all.put(rs.getObject(1, UUID.class), Duration.ofSeconds(rs.getInt(2)));
        });
        return all;
    }
}

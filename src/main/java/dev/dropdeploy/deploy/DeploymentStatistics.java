package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.build.ImageBuilds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the installation dashboard shows, computed in PostgreSQL from the deployments: an admin sees every project, any
 * other user their own. Days are UTC days.
 */
@Service
public class DeploymentStatistics {

    /** One UTC day: deployments started, how many went live and how many failed. */
    public record Day(LocalDate date, int started, int wentLive, int failed) {}

    /** Files-to-live time (queued to live) of the deployments of one stack that built and went live. */
    public record StackTimes(String stack, int deployments, Duration median, Duration p95) {}

    /**
     * @param successRate went live / (went live + failed), {@code null} with neither
     * @param sleepingApps always 0 until apps can sleep
     * @param imageBytes app images on the engine (each counting its base layers)
     * @param logBytes stored deployment logs
     */
    public record Summary(
            int days,
            List<Day> perDay,
            Double successRate,
            List<StackTimes> filesToLive,
            double buildMinutes,
            int runningApps,
            int stoppedApps,
            int sleepingApps,
            long imageBytes,
            long logBytes) {}

    private static final String SCOPE = " (:admin or p.owner_id = :owner) ";

    /** Stopped: nothing live, and a version that ran was stopped (by its owner, a quota, or the engine). */
    private static final String STOPPED = """
            and not exists (select 1 from deployment d where d.project_id = p.id and d.state = 'LIVE')
            and exists (select 1 from deployment d where d.project_id = p.id and d.state = 'STOPPED')""";

    private final JdbcClient jdbc;
    private final ImageBuilds images;
    private final Clock clock;

    DeploymentStatistics(JdbcClient jdbc, ImageBuilds images, Clock clock) {
        this.jdbc = jdbc;
        this.images = images;
        this.clock = clock;
    }

    /** @param days how many days back, today included (1 to 90) */
    public Summary summary(AccountUser user, int days) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("Between 1 and 90 days, not " + days);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant from = today.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Day> perDay = perDay(user, from, today, days);
        int live = perDay.stream().mapToInt(Day::wentLive).sum();
        int failed = perDay.stream().mapToInt(Day::failed).sum();
        return new Summary(
                days,
                perDay,
                live + failed == 0 ? null : (double) live / (live + failed),
                filesToLive(user, from),
                buildMinutes(user, from),
                count(
                        user,
                        "select count(distinct d.project_id) from deployment d join project p on p.id = d.project_id"
                                + " where d.state = 'LIVE' and" + SCOPE),
                count(user, "select count(*) from project p where" + SCOPE + STOPPED),
                sleepingApps(user),
                imageBytes(user),
                logBytes(user));
    }

    /** Where sleeping apps will be counted once apps can sleep (issue 14's sleep and wake); none sleep yet. */
    private int sleepingApps(AccountUser user) {
        return 0;
    }

    private List<Day> perDay(AccountUser user, Instant from, LocalDate today, int days) {
        Map<LocalDate, Day> found = scoped(user, """
                        select (d.created_at at time zone 'UTC')::date as day, count(*) as started,
                               count(d.live_at) as live, count(*) filter (where d.state = 'FAILED') as failed
                        from deployment d join project p on p.id = d.project_id
                        where d.created_at >= :from and""" + SCOPE + "group by 1")
                .param("from", Timestamp.from(from))
                .query((rs, i) -> new Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getInt("started"),
                        rs.getInt("live"),
                        rs.getInt("failed")))
                .list()
                .stream()
                .collect(Collectors.toMap(Day::date, d -> d));
        List<Day> all = new ArrayList<>();
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            all.add(found.getOrDefault(day, new Day(day, 0, 0, 0)));
        }
        return all;
    }

    private List<StackTimes> filesToLive(AccountUser user, Instant from) {
        return scoped(user, """
                        select coalesce(d.stack, 'unknown') as stack, count(*) as n,
                          percentile_cont(0.5) within group (order by extract(epoch from d.live_at - d.created_at)) as p50,
                          percentile_cont(0.95) within group (order by extract(epoch from d.live_at - d.created_at)) as p95
                        from deployment d join project p on p.id = d.project_id
                        where d.live_at is not null and d.rollback_of is null and d.created_at >= :from and""" + SCOPE + "group by 1 order by 2 desc, 1")
                .param("from", Timestamp.from(from))
                .query((rs, i) -> new StackTimes(
                        rs.getString("stack"),
                        rs.getInt("n"),
                        seconds(rs.getDouble("p50")),
                        seconds(rs.getDouble("p95"))))
                .list();
    }

    /** Time from the build's start to its end (the container's start, or the failure), summed. */
    private double buildMinutes(AccountUser user, Instant from) {
        Double seconds = scoped(user, """
                        select coalesce(sum(extract(epoch from coalesce(d.starting_at, d.finished_at) - d.building_at)), 0)
                        from deployment d join project p on p.id = d.project_id
                        where d.building_at is not null and d.rollback_of is null and d.created_at >= :from and""" + SCOPE)
                .param("from", Timestamp.from(from))
                .query(Double.class)
                .single();
        return seconds == null ? 0 : seconds / 60;
    }

    private long logBytes(AccountUser user) {
        return scoped(user, """
                        select coalesce(sum(octet_length(l.line)), 0) from deployment_log l
                        join deployment d on d.id = l.deployment_id join project p on p.id = d.project_id
                        where""" + SCOPE).query(Long.class).single();
    }

    private long imageBytes(AccountUser user) {
        Set<String> slugs = new java.util.HashSet<>(scoped(user, "select p.slug from project p where" + SCOPE)
                .query(String.class)
                .list());
        Map<String, Long> bySlug;
        try {
            bySlug = images.imageBytesByProject();
        } catch (RuntimeException e) {
            bySlug = new HashMap<>(); // the engine is away: the rest of the dashboard still helps
        }
        return bySlug.entrySet().stream()
                .filter(e -> slugs.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private int count(AccountUser user, String sql) {
        return scoped(user, sql).query(Integer.class).single();
    }

    private JdbcClient.StatementSpec scoped(AccountUser user, String sql) {
        return jdbc.sql(sql).param("admin", user.admin()).param("owner", user.id());
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }
}

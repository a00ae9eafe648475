package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the app uses PostgreSQL or Redis, read from its manifests (and, for ORMs that can use either SQLite or
 * PostgreSQL, from a PostgreSQL URL or backend in its code), so the deploy can offer the service before the app fails
 * to connect. One table: a newcomer adds a driver here and nowhere else.
 */
final class DataNeeds {

    private static final String POSTGRES = DetectionWarning.NEEDS_POSTGRES;
    private static final String REDIS = DetectionWarning.NEEDS_REDIS;

    /** Manifest file name to the pattern of a dependency that means PostgreSQL, case-insensitive. */
    private static final Map<String, Pattern> POSTGRES_DRIVERS = Map.of(
            "requirements.txt", word("psycopg2?(?:-binary)?|psycopg\\[[a-z,]+\\]|asyncpg|pg8000"),
            "pyproject.toml", word("psycopg2?(?:-binary)?|psycopg\\[[a-z,]+\\]|asyncpg|pg8000"),
            "package.json", quoted("pg|postgres|pg-promise|@neondatabase/serverless|@vercel/postgres"),
            "pom.xml", Pattern.compile("<groupId>\\s*org\\.postgresql\\s*</groupId>"),
            "build.gradle", Pattern.compile("org\\.postgresql:postgresql"),
            "build.gradle.kts", Pattern.compile("org\\.postgresql:postgresql"),
            "go.mod", Pattern.compile("github\\.com/(?:lib/pq|jackc/pgx)"),
            "composer.json", Pattern.compile("\"ext-pgsql\"|\"ext-pdo_pgsql\""));

    private static final Map<String, Pattern> REDIS_CLIENTS = Map.of(
            "requirements.txt", word("redis|valkey|django-redis|flask-caching\\[redis\\]|rq|celery\\[redis\\]"),
            "pyproject.toml", word("redis|valkey|django-redis|rq"),
            "package.json", quoted("redis|ioredis|@redis/client|iovalkey|bullmq|bull"),
            "pom.xml",
                    Pattern.compile(
                            "spring-boot-starter-data-redis|<artifactId>\\s*jedis\\s*</artifactId>|lettuce-core"),
            "go.mod", Pattern.compile("github\\.com/(?:redis/go-redis|go-redis/redis|gomodule/redigo)"));

    /** Code that names PostgreSQL where the manifest alone does not say (SQLAlchemy, Django, Prisma, Sequelize). */
    private static final Pattern POSTGRES_IN_CODE = Pattern.compile(
            "postgres(?:ql)?(?:\\+\\w+)?://|django\\.db\\.backends\\.postgresql|provider\\s*=\\s*\"postgresql\""
                    + "|dialect:\\s*['\"]postgres['\"]");

    private static final Set<String> CODE_EXTENSIONS = Set.of("py", "js", "ts", "mjs", "cjs", "prisma", "env");
    private static final int CODE_FILES_READ = 200;

    private DataNeeds() {}

    static List<DetectionWarning> check(SourceTree tree, String appDir) {
        List<DetectionWarning> out = new ArrayList<>();
        manifestHit(tree, appDir, POSTGRES_DRIVERS)
                .or(() -> codeHit(tree, appDir))
                .ifPresent(where -> out.add(new DetectionWarning(
                        POSTGRES,
                        where,
                        0,
                        "This app uses PostgreSQL (" + where + "): attach a database (Data on the project page, or"
                                + " deploy with --attach postgres) and it gets DATABASE_URL")));
        manifestHit(tree, appDir, REDIS_CLIENTS)
                .ifPresent(where -> out.add(new DetectionWarning(
                        REDIS,
                        where,
                        0,
                        "This app uses Redis (" + where + "): attach Valkey (Data on the project page, or deploy with"
                                + " --attach valkey) and it gets REDIS_URL")));
        return out;
    }

    private static Optional<String> manifestHit(SourceTree tree, String appDir, Map<String, Pattern> table) {
        for (Map.Entry<String, Pattern> entry : table.entrySet()) {
            for (String dir : appDir.isEmpty() ? List.of("") : List.of(appDir, "")) {
                String path = SourceTree.join(dir, entry.getKey());
                if (tree.text(path)
                        .filter(t -> entry.getValue().matcher(t).find())
                        .isPresent()) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> codeHit(SourceTree tree, String appDir) {
        return tree.filesUnder(appDir).stream()
                .filter(f -> CODE_EXTENSIONS.contains(f.extension().toLowerCase(Locale.ROOT))
                        || f.name().equals(".env"))
                .limit(CODE_FILES_READ)
                .map(SourceFile::path)
                .filter(path -> tree.text(path)
                        .filter(t -> POSTGRES_IN_CODE.matcher(t).find())
                        .isPresent())
                .findFirst();
    }

    /** A requirement line's package name: at a line start, then a version, extra, marker or the line's end. */
    private static Pattern word(String names) {
        return Pattern.compile("(?im)^\\s*[\"']?(?:" + names + ")\\s*(?:[=<>~!\\[;\"',]|$)");
    }

    private static Pattern quoted(String names) {
        return Pattern.compile("\"(?:" + names + ")\"\\s*:");
    }
}

package dev.dropdeploy.data;

import dev.dropdeploy.build.BaseImages;
import dev.dropdeploy.runtime.ServiceSpec;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How each service runs and what its apps are told: one place to change a server's settings. A PostgreSQL server of
 * its own per project (see docs/ARCHITECTURE.md for why not one shared server) is tuned small: a project's database is
 * a guestbook or a shop, not a warehouse.
 */
@Component
class ServiceRecipes {

    static final String DATABASE = "app";
    static final String ROLE = "app";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BaseImages images;
    private final DataProperties properties;

    ServiceRecipes(BaseImages images, DataProperties properties) {
        this.images = images;
        this.properties = properties;
    }

    /** The service's name on the project network, which is also the host name its apps connect to. */
    static String service(DataKind kind) {
        return switch (kind) {
            case POSTGRES -> "postgres";
            case VALKEY -> "valkey";
            case FOLDER -> throw new IllegalArgumentException("A data folder is not a service");
        };
    }

    /** Hex, so it never needs escaping in a URL, a shell or a connection string. */
    static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    ServiceSpec spec(String projectSlug, DataKind kind, String password) {
        return switch (kind) {
            case POSTGRES ->
                new ServiceSpec(
                        projectSlug,
                        service(kind),
                        images.resolve("postgres"),
                        "postgres",
                        Map.of("POSTGRES_USER", ROLE, "POSTGRES_PASSWORD", password, "POSTGRES_DB", DATABASE),
                        List.of(
                                "postgres",
                                "-c",
                                "shared_buffers=16MB",
                                "-c",
                                "max_connections=40",
                                "-c",
                                "work_mem=2MB",
                                "-c",
                                "maintenance_work_mem=16MB"),
                        // The volume holds PGDATA's parent, so an import file can sit beside the cluster, not in it.
                        "/var/lib/postgresql",
                        List.of("/var/run/postgresql"),
                        List.of("pg_isready", "-q", "-h", "127.0.0.1", "-U", ROLE, "-d", DATABASE),
                        properties.postgresMemory());
            case VALKEY ->
                new ServiceSpec(
                        projectSlug,
                        service(kind),
                        images.resolve("valkey"),
                        "valkey",
                        Map.of("VALKEY_PASSWORD", password),
                        List.of(
                                "sh",
                                "-c",
                                "exec valkey-server --dir /data --bind 0.0.0.0 --protected-mode no --appendonly yes"
                                        + " --maxmemory "
                                        + properties.valkeyMemory().toBytes() * 3 / 4
                                        + " --maxmemory-policy noeviction --requirepass \"$VALKEY_PASSWORD\""),
                        "/data",
                        List.of(),
                        List.of("sh", "-c", "valkey-cli --no-auth-warning -a \"$VALKEY_PASSWORD\" ping | grep -q PONG"),
                        properties.valkeyMemory());
            case FOLDER -> throw new IllegalArgumentException("A data folder is not a service");
        };
    }

    /** What the project's apps get, as secrets. */
    static Map<String, String> variables(DataKind kind, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (kind) {
            case POSTGRES -> {
                env.put("DATABASE_URL", "postgresql://%s:%s@postgres:5432/%s".formatted(ROLE, password, DATABASE));
                env.put("PGHOST", "postgres");
                env.put("PGPORT", "5432");
                env.put("PGUSER", ROLE);
                env.put("PGPASSWORD", password);
                env.put("PGDATABASE", DATABASE);
                // Java's drivers take no postgresql:// URL: Heroku's names for the JDBC form, which Java examples read,
                // and Spring Boot's, which bind spring.datasource.* in any Spring app without a line of its own.
                // Heroku's URL carries the credentials too, and apps made for it connect with the URL alone; Spring's
                // gets
                // the same, since a variable outranks application.properties and such an app may read
                // spring.datasource.url into a pool of its own (Heroku's Java examples do).
                String jdbc = "jdbc:postgresql://postgres:5432/" + DATABASE + "?user="
                        + java.net.URLEncoder.encode(ROLE, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                        + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
                env.put("JDBC_DATABASE_URL", jdbc);
                env.put("JDBC_DATABASE_USERNAME", ROLE);
                env.put("JDBC_DATABASE_PASSWORD", password);
                env.put("SPRING_DATASOURCE_URL", jdbc);
                env.put("SPRING_DATASOURCE_USERNAME", ROLE);
                env.put("SPRING_DATASOURCE_PASSWORD", password);
            }
            case VALKEY -> {
                env.put("REDIS_URL", "redis://default:%s@valkey:6379/0".formatted(password));
                env.put("REDIS_HOST", "valkey");
                env.put("REDIS_PORT", "6379");
                env.put("REDIS_PASSWORD", password);
            }
            case FOLDER -> {}
        }
        return env;
    }

    /** The password variable that {@link #variables} sets, read back when a service must be made again. */
    static String passwordVariable(DataKind kind) {
        return kind == DataKind.POSTGRES ? "PGPASSWORD" : "REDIS_PASSWORD";
    }
}

package dev.dropdeploy.data;

import java.util.List;
import java.util.Locale;

/**
 * What a project can keep data in, with the variables its apps read to find it. The variables are set when the kind is
 * attached and removed when it is detached.
 */
public enum DataKind {
    FOLDER("Data folder", "a folder at /data that every version shares (DATA_DIR)", List.of()),
    POSTGRES(
            "PostgreSQL",
            "a PostgreSQL 17 database of its own (DATABASE_URL, PGHOST, PGUSER, ...)",
            List.of(
                    "DATABASE_URL",
                    "PGHOST",
                    "PGPORT",
                    "PGUSER",
                    "PGPASSWORD",
                    "PGDATABASE",
                    "JDBC_DATABASE_URL",
                    "JDBC_DATABASE_USERNAME",
                    "JDBC_DATABASE_PASSWORD",
                    "SPRING_DATASOURCE_URL",
                    "SPRING_DATASOURCE_USERNAME",
                    "SPRING_DATASOURCE_PASSWORD")),
    VALKEY(
            "Valkey",
            "a Redis-compatible key-value store of its own (REDIS_URL)",
            List.of("REDIS_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_PASSWORD"));

    private final String label;
    private final String description;
    private final List<String> variables;

    DataKind(String label, String description, List<String> variables) {
        this.label = label;
        this.description = description;
        this.variables = variables;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The environment variables DropDeploy sets for this kind, as secrets. */
    public List<String> variables() {
        return variables;
    }

    /** Its name in the API and the CLI: {@code folder}, {@code postgres}, {@code valkey} (also {@code redis}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    public static DataKind parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("redis") || wanted.equals("valkey")) {
            return VALKEY;
        }
        if (wanted.equals("postgresql") || wanted.equals("database")) {
            return POSTGRES;
        }
        for (DataKind kind : values()) {
            if (kind.apiName().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No data kind '" + name + "': use folder, postgres or valkey");
    }
}

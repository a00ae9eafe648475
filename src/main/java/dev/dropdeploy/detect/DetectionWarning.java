package dev.dropdeploy.detect;

/**
 * Something a newcomer needs to know, with where it was seen.
 *
 * @param code a stable identifier, for example {@code BOUND_TO_LOCALHOST}, {@code NO_LOCKFILE}, {@code DEV_SERVER}
 * @param file relative path, or {@code null}
 * @param line 1-based, or 0
 * @param message plain words with the fix, for example {@code "app.run binds 127.0.0.1; use host='0.0.0.0'"}
 */
public record DetectionWarning(String code, String file, int line, String message) {

    /** The app uses PostgreSQL: the deploy offers a database ({@code DATABASE_URL}). */
    public static final String NEEDS_POSTGRES = "NEEDS_POSTGRES";

    /** The app uses Redis: the deploy offers a Valkey store ({@code REDIS_URL}). */
    public static final String NEEDS_REDIS = "NEEDS_REDIS";

    /** composer.json requires packages and vendor/ is not uploaded; Composer's sources are unreachable, so the build stops. */
    public static final String COMPOSER_VENDOR_MISSING = "COMPOSER_VENDOR_MISSING";
}

package dev.dropdeploy.detect.system;

import dev.dropdeploy.detect.engine.Proposal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE table of native dependencies: which Python and Node packages compile or link against system libraries, and the
 * Debian (trixie) packages they then need to build and to run. Nixpacks and Railpack keep the same kind of table.
 *
 * <p>To add a package: one {@code python(...)} or {@code node(...)} row below. {@code neededBelow} is the first
 * version that ships a prebuilt binary (a wheel for the catalog's Python 3.13 on x86_64, or binaries inside the npm
 * package itself): an app pinned below it builds from source, an app on that version or later, or with no version,
 * gets nothing extra. Use {@code null} when the package always builds here (its prebuilt binaries, if any, are
 * downloaded from GitHub, which builds cannot reach). Build packages go into the dependency layer only; runtime
 * packages into the image that runs the app.
 */
public final class NativePackages {

    /** The registry a package comes from. */
    public enum Ecosystem {
        PYTHON,
        NODE
    }

    /** One row of the table. */
    public record Row(
            Ecosystem ecosystem,
            String name,
            String neededBelow,
            List<String> build,
            List<String> runtime,
            String why) {

        /** Whether an app that declares this package at {@code version} (a pin or range, or null) needs the row. */
        public boolean neededAt(String version) {
            if (neededBelow == null) {
                return true;
            }
            Optional<String> lowest = lowestVersion(version);
            return lowest.isPresent() && compare(lowest.get(), neededBelow) < 0;
        }
    }

    private static final String NODE_GYP = "build-essential python3";

    private static final List<Row> TABLE = List.of(
            python(
                    "psycopg2",
                    null,
                    "gcc libpq-dev",
                    "libpq5",
                    "psycopg2 compiles against libpq (it runs pg_config); psycopg2-binary would not"),
            python("psycopg", null, "", "libpq5", "psycopg 3 loads libpq at run time unless psycopg[binary] is used"),
            python(
                    "mysqlclient",
                    null,
                    "gcc pkg-config default-libmysqlclient-dev",
                    "libmariadb3",
                    "mysqlclient compiles against the MySQL/MariaDB client library"),
            python(
                    "pillow",
                    "11.0.0",
                    "gcc zlib1g-dev libjpeg62-turbo-dev libfreetype-dev",
                    "zlib1g libjpeg62-turbo libfreetype6",
                    "Pillow before 11 has no wheel for Python 3.13 and compiles against libjpeg and zlib"),
            python(
                    "lxml",
                    "5.3.0",
                    "gcc libxml2-dev libxslt1-dev",
                    "libxml2 libxslt1.1",
                    "lxml before 5.3 has no wheel for Python 3.13 and compiles against libxml2 and libxslt"),
            python(
                    "cryptography",
                    "3.4",
                    "gcc libssl-dev libffi-dev",
                    "",
                    "cryptography before 3.4 compiles against OpenSSL"),
            python(
                    "cffi",
                    "1.17.0",
                    "gcc libffi-dev",
                    "",
                    "cffi before 1.17 has no wheel for Python 3.13 and compiles against libffi"),
            python(
                    "python-ldap",
                    null,
                    "gcc libldap2-dev libsasl2-dev",
                    "libldap2 libsasl2-2",
                    "python-ldap compiles against OpenLDAP"),
            node(
                    "bcrypt",
                    "6.0.0",
                    NODE_GYP,
                    "",
                    "bcrypt before 6 downloads its binary from GitHub, so it compiles with node-gyp here"),
            node(
                    "better-sqlite3",
                    null,
                    NODE_GYP,
                    "",
                    "better-sqlite3 downloads its binary from GitHub, so it compiles with node-gyp here"),
            node("sqlite3", null, NODE_GYP, "", "sqlite3 downloads its binary from GitHub, so it compiles here"),
            node(
                    "sharp",
                    "0.33.0",
                    NODE_GYP + " pkg-config libvips-dev",
                    "libvips42t64",
                    "sharp before 0.33 downloads libvips from GitHub, so it compiles against Debian's libvips"),
            node(
                    "canvas",
                    null,
                    NODE_GYP + " pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev",
                    "libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libjpeg62-turbo libgif7 librsvg2-2",
                    "canvas downloads its binary from GitHub, so it compiles against Cairo and Pango"));

    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)");

    private NativePackages() {}

    /** The row for a declared package, if it needs system packages at that version. */
    public static Optional<Row> needed(Ecosystem ecosystem, String name, String version) {
        String key = normalise(ecosystem, name);
        return TABLE.stream()
                .filter(row -> row.ecosystem() == ecosystem && row.name().equals(key))
                .filter(row -> row.neededAt(version))
                .findFirst();
    }

    /** Adds what a declared package needs to the proposal, with the file and line that declared it as evidence. */
    public static void require(Proposal p, Ecosystem ecosystem, String name, String version, String file, int line) {
        needed(ecosystem, name, version)
                .ifPresent(row -> p.systemPackages(row.build(), row.runtime())
                        .because("systemPackages", file, line, row.why() + " (" + describe(row) + ")"));
    }

    private static String describe(Row row) {
        String build = row.build().isEmpty() ? "" : "build: " + String.join(" ", row.build());
        String run = row.runtime().isEmpty() ? "" : "run time: " + String.join(" ", row.runtime());
        return build.isEmpty() || run.isEmpty() ? build + run : build + "; " + run;
    }

    static List<Row> table() {
        return TABLE;
    }

    private static String normalise(Ecosystem ecosystem, String name) {
        // PEP 503: Python names compare case-insensitively with -, _ and . alike; npm names are exact.
        return ecosystem == Ecosystem.PYTHON ? name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-") : name;
    }

    /** The first version number in a pin or range ({@code ==10.4.0}, {@code ^5.1.1}, {@code >=2,<3}). */
    static Optional<String> lowestVersion(String spec) {
        if (spec == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(spec);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int left = i < x.length ? Integer.parseInt(x[i]) : 0;
            int right = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    }

    private static Row python(String name, String neededBelow, String build, String runtime, String why) {
        return new Row(Ecosystem.PYTHON, name, neededBelow, words(build), words(runtime), why);
    }

    private static Row node(String name, String neededBelow, String build, String runtime, String why) {
        return new Row(Ecosystem.NODE, name, neededBelow, words(build), words(runtime), why);
    }

    private static List<String> words(String packages) {
        return packages.isBlank() ? List.of() : List.of(packages.strip().split("\\s+"));
    }
}

package dev.dropdeploy.detect.node;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE table of locked packages that stop working on newer Node majors. A lockfile that pins one below the release that
 * fixed it gets a Node no newer than the last major that still runs it, with the reason in the detection report; the
 * person updates the package to get the newest Node. To add one: a line in {@link #LIMITS}.
 */
final class NodeLimits {

    /**
     * @param fixedIn the first release that runs on every offered Node
     * @param lastMajor the newest Node major that runs the releases before it
     */
    record Limit(String pkg, String fixedIn, int lastMajor, String why) {}

    /** What a lockfile pins that needs an older Node, and the line that says so. */
    record Found(Limit limit, String version, int line) {
        String reason() {
            return "the lockfile pins %s %s, which fails on Node %d and later (%s); update it to %s or later to build with the newest Node"
                    .formatted(limit.pkg(), version, limit.lastMajor() + 1, limit.why(), limit.fixedIn());
        }
    }

    static final List<Limit> LIMITS = List.of(
            // Gatsby's cache (lmdb) packs with both; Node 23 added a bounds check to Buffer.utf8Write they overran.
            new Limit("msgpackr", "1.11.2", 22, "\"length\" is outside of buffer bounds"),
            new Limit("ordered-binary", "1.5.3", 22, "\"length\" is outside of buffer bounds"));

    /** A line's own version ({@code name@1.2.3}: pnpm, bun, exact yarn ranges; {@code /name/1.2.3}: old pnpm). */
    private static final String INLINE = "(?:^|[\\s\"'/,\\[])%s[@/](?:npm:)?(\\d+\\.\\d+\\.\\d+)(?![\\w.-])";

    /** An entry whose version follows on its next lines (yarn, npm's {@code "node_modules/name": {}}). */
    private static final String HEADER = "(?:^|[\\s\"'/,])%s(?:@|\"\\s*:\\s*\\{)";

    private static final Pattern VERSION_LINE = Pattern.compile("^\\s*\"?version\"?\\s*:?\\s*\"?(\\d+\\.\\d+\\.\\d+)");

    private static final int VERSION_WITHIN = 4;

    /** Lockfiles of large projects run to megabytes, past what detection reads of other files. */
    static final long MAX_LOCKFILE_BYTES = 32L * 1024 * 1024;

    private NodeLimits() {}

    /** The first limit the lockfile text runs into, if any. */
    static Optional<Found> in(String lockText) {
        if (lockText == null || lockText.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = lockText.lines().toList();
        for (Limit limit : LIMITS) {
            Optional<Found> found = locked(lines, limit);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> locked(List<String> lines, Limit limit) {
        String name = Pattern.quote(limit.pkg());
        Pattern inline = Pattern.compile(INLINE.formatted(name));
        Pattern header = Pattern.compile(HEADER.formatted(name));
        for (int i = 0; i < lines.size(); i++) {
            String version = versionAt(lines, i, inline, header);
            if (version != null && older(version, limit.fixedIn())) {
                return Optional.of(new Found(limit, version, i + 1));
            }
        }
        return Optional.empty();
    }

    private static String versionAt(List<String> lines, int i, Pattern inline, Pattern header) {
        Matcher own = inline.matcher(lines.get(i));
        if (own.find()) {
            return own.group(1);
        }
        if (!header.matcher(lines.get(i)).find()) {
            return null;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 1 + VERSION_WITHIN); j++) {
            Matcher m = VERSION_LINE.matcher(lines.get(j));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static boolean older(String version, String than) {
        String[] a = version.split("\\."), b = than.split("\\.");
        for (int k = 0; k < 3; k++) {
            int x = Integer.parseInt(a[k].length() > 6 ? "999999" : a[k]);
            int y = Integer.parseInt(b[k]);
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }
}

package dev.dropdeploy.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * THE rule for which Node.js a project builds and runs with: the newest offered major that what the project asks for
 * admits ({@code .nvmrc}, {@code .node-version}, {@code engines.node}, a Dockerfile's {@code FROM node:<tag>}), the
 * newest when it asks for nothing, and the closest offered one when it asks only for majors the catalog lacks. Each
 * offered major is a catalog image (images/catalog.tsv); to offer another, add its image and a line to
 * {@link #OFFERED}.
 */
final class NodeRuntimes {

    /** A Node.js major and the catalog image that has it. */
    record Runtime(int major, String catalogName) {}

    /** Newest first: the first one a project admits is the one it gets. */
    static final List<Runtime> OFFERED =
            List.of(new Runtime(24, "node"), new Runtime(22, "node22"), new Runtime(20, "node20"));

    /** Release line code names (nvm's {@code lts/iron}, Docker's {@code node:iron}) to their majors. */
    private static final Map<String, Integer> CODE_NAMES = Map.ofEntries(
            Map.entry("argon", 4),
            Map.entry("boron", 6),
            Map.entry("carbon", 8),
            Map.entry("dubnium", 10),
            Map.entry("erbium", 12),
            Map.entry("fermium", 14),
            Map.entry("gallium", 16),
            Map.entry("hydrogen", 18),
            Map.entry("iron", 20),
            Map.entry("jod", 22),
            Map.entry("krypton", 24));

    /** Words that mean "whatever is current": nvm's aliases and Docker's tags. */
    private static final Pattern NEWEST = Pattern.compile(
            "(lts/)?(\\*|x|node|latest|current|stable|lts)?(-?(alpine|slim|bookworm|bullseye|trixie).*)?");

    private static final Pattern COMPARATOR =
            Pattern.compile("(>=|<=|>|<|\\^|~|=)?\\s*v?(\\d+)(?:\\.(\\d+|x|\\*))?" + "(?:\\.(\\d+|x|\\*))?.*");

    /** Longer numbers are no version anyone runs, and would not fit an int. */
    static final int MAX_DIGITS = 4;

    private NodeRuntimes() {}

    /** The catalog image for what a project asks for ({@code null} or blank: it asks for nothing). */
    static String catalogName(String asked) {
        String spec = asked == null ? "" : asked.strip().toLowerCase(Locale.ROOT);
        if (NEWEST.matcher(spec).matches()) {
            return OFFERED.getFirst().catalogName();
        }
        Integer codeMajor = CODE_NAMES.get(spec.replaceFirst("^lts/", "").replaceFirst("-.*", ""));
        List<int[]> ranges = codeMajor != null ? List.of(new int[] {codeMajor, codeMajor}) : ranges(spec);
        if (ranges.isEmpty()) {
            return OFFERED.getFirst().catalogName();
        }
        // Admitted means distance 0; the newer wins a tie, since Node keeps more working going up than down.
        Runtime closest = OFFERED.getFirst();
        long best = Long.MAX_VALUE;
        for (Runtime runtime : OFFERED) {
            long distance = ranges.stream()
                    .mapToLong(r -> distance(runtime.major(), r))
                    .min()
                    .orElseThrow();
            if (distance < best) {
                best = distance;
                closest = runtime;
            }
        }
        return closest.catalogName();
    }

    /** How many majors {@code major} is outside the range, 0 inside. */
    private static long distance(int major, int[] range) {
        return major < range[0] ? (long) range[0] - major : major > range[1] ? (long) major - range[1] : 0;
    }

    /** Each {@code ||} alternative as the inclusive range of majors it admits. */
    private static List<int[]> ranges(String spec) {
        List<int[]> ranges = new ArrayList<>();
        for (String alternative : spec.split("\\|\\|")) {
            int[] range = {0, Integer.MAX_VALUE};
            String[] hyphen = alternative.split("\\s+-\\s+", 2);
            if (hyphen.length == 2) {
                narrow(range, ">=" + hyphen[0].strip());
                narrow(range, "<=" + hyphen[1].strip());
            } else {
                for (String token : alternative.strip().split("\\s+(?![\\d.v])")) {
                    narrow(range, token.replace(" ", ""));
                }
            }
            if (range[0] <= range[1] && !alternative.isBlank()) {
                ranges.add(range);
            }
        }
        return ranges;
    }

    private static void narrow(int[] range, String comparator) {
        Matcher m = COMPARATOR.matcher(comparator);
        if (!m.matches() || m.group(2).length() > MAX_DIGITS) {
            return; // not a version a Node release could have: asks for nothing
        }
        String op = m.group(1) == null ? "=" : m.group(1);
        int major = Integer.parseInt(m.group(2));
        boolean beyondMajor = isPositive(m.group(3)) || isPositive(m.group(4));
        boolean wholeMajor = m.group(3) == null || !m.group(3).matches("\\d+");
        switch (op) {
            case ">=" -> range[0] = Math.max(range[0], major);
            case ">" -> range[0] = Math.max(range[0], wholeMajor ? major + 1 : major);
            case "<=" -> range[1] = Math.min(range[1], major);
            case "<" -> range[1] = Math.min(range[1], beyondMajor ? major : major - 1);
            default -> {
                range[0] = Math.max(range[0], major);
                range[1] = Math.min(range[1], major);
            }
        }
    }

    private static boolean isPositive(String part) {
        return part != null && part.matches("\\d{1," + MAX_DIGITS + "}") && Integer.parseInt(part) > 0;
    }
}

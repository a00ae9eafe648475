package dev.dropdeploy.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traefik's request counters per router, read from its Prometheus text: {@code traefik_router_requests_total} (by
 * status code) and the {@code traefik_router_request_duration_seconds} histogram. Everything else on the page is
 * skipped, and so is any line that does not parse: the page comes from Traefik, but a bad line must never stop a
 * sample.
 */
final class RouterTraffic {

    /** A router's totals since Traefik started; {@code buckets} are cumulative, as Prometheus keeps them. */
    record Totals(long requests, long errors, long[] buckets) {

        static Totals zero() {
            return new Totals(0, 0, new long[LatencyBuckets.SIZE]);
        }

        /** What happened since {@code before}; a smaller total means Traefik restarted, so all of it is new. */
        Totals since(Totals before) {
            if (requests < before.requests) {
                return this;
            }
            long[] added = new long[LatencyBuckets.SIZE];
            for (int i = 0; i < added.length; i++) {
                added[i] = Counters.delta(before.buckets[i], buckets[i]);
            }
            return new Totals(requests - before.requests, Counters.delta(before.errors, errors), added);
        }

        /** Per-bucket counts (not cumulative), as a point stores them. */
        int[] latency() {
            int[] counts = new int[LatencyBuckets.SIZE];
            long below = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = (int) Math.max(0, buckets[i] - below);
                below = Math.max(below, buckets[i]);
            }
            return counts;
        }
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)}\\s+(\\S+)(\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String REQUESTS = "traefik_router_requests_total";
    private static final String BUCKET = "traefik_router_request_duration_seconds_bucket";

    private RouterTraffic() {}

    static Map<String, Totals> parse(String text) {
        Map<String, Totals> routers = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            String name = m.group(1);
            if (!name.equals(REQUESTS) && !name.equals(BUCKET)) {
                continue;
            }
            Map<String, String> labels = labels(m.group(2));
            long value = count(m.group(3));
            String router = labels.get("router");
            if (router == null || value < 0) {
                continue;
            }
            Totals totals = routers.getOrDefault(router, Totals.zero());
            routers.put(
                    router,
                    name.equals(REQUESTS) ? addRequests(totals, labels, value) : addBucket(totals, labels, value));
        }
        return routers;
    }

    private static Totals addRequests(Totals totals, Map<String, String> labels, long value) {
        boolean error = labels.getOrDefault("code", "").startsWith("5");
        return new Totals(totals.requests + value, totals.errors + (error ? value : 0), totals.buckets);
    }

    private static Totals addBucket(Totals totals, Map<String, String> labels, long value) {
        int index = LatencyBuckets.indexOf(labels.getOrDefault("le", ""));
        if (index < 0) {
            return totals;
        }
        long[] buckets = totals.buckets.clone();
        buckets[index] += value;
        return new Totals(totals.requests, totals.errors, buckets);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    private static long count(String value) {
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? (long) parsed : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

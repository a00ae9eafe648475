package dev.dropdeploy.shell;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How deployments read on screen. */
final class Format {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Format() {}

    static String state(DeploymentState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    static String stack(DeploymentView d) {
        if (d.stack() == null) {
            return "";
        }
        String stack = d.stack().toLowerCase(Locale.ROOT);
        return d.framework() == null ? stack : d.framework() + " (" + stack + ")";
    }

    static String lastDeploy(DeploymentView d) {
        Instant end = d.liveAt() != null ? d.liveAt() : d.finishedAt();
        String when = TIME.format(d.queuedAt());
        return end == null ? when + " (running)" : when + " in " + seconds(Duration.between(d.queuedAt(), end));
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}

package dev.dropdeploy.chat.turn;

import dev.dropdeploy.deploy.DeploymentView;
import java.util.List;
import java.util.Optional;

/** Words about failed deployments: for the model when it fixes, for the person when it gives up. */
final class Failures {

    private static final int EVIDENCE_LINES = 30;

    private Failures() {}

    static String describe(DeploymentView failed, List<String> evidence) {
        List<String> tail = evidence.size() > EVIDENCE_LINES
                ? evidence.subList(evidence.size() - EVIDENCE_LINES, evidence.size())
                : evidence;
        return "Version " + failed.version() + " FAILED to deploy: " + failed.reason()
                + (tail.isEmpty() ? "" : "\nLog lines that show it:\n" + String.join("\n", tail));
    }

    static String fixRequest(String failure) {
        return "The deployment failed (details under \"Last deployment\"). Fix the cause with the smallest change "
                + "that makes the app build, start and answer on 0.0.0.0:$PORT; keep everything else as it is.";
    }

    /** The same cause twice: ids, ports and timings differ between runs, the words do not. */
    static boolean sameCause(String failure, String previous) {
        return previous != null && normalise(failure).equals(normalise(previous));
    }

    static String giveUp(DeploymentView failed, boolean repeated, Optional<DeploymentView> live) {
        String why = repeated ? "The same error came back after a fix, so I stopped rather than loop. " : "";
        String serving = live.map(l -> "Version " + l.version() + " is still live at [" + l.url() + "](" + l.url()
                        + "); nothing changed for your visitors.")
                .orElse("Nothing is live yet.");
        return "**Version " + failed.version() + " could not go live.** " + failed.reason() + "\n\n" + why + serving
                + "\n\nWhat you can do: describe what the app should do differently or name the error, say "
                + "\"undo\" to drop the change, or ask for a simpler approach (for example a single static page).";
    }

    private static String normalise(String text) {
        return text.replaceAll("[0-9a-f]{12,}", "#").replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }
}

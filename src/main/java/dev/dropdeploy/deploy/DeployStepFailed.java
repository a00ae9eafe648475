package dev.dropdeploy.deploy;

import java.util.List;

/** A step could not finish; the message is what the user reads, the evidence what a fixer (person or model) needs. */
final class DeployStepFailed extends RuntimeException {

    private final List<String> evidence;

    DeployStepFailed(String message, List<String> evidence) {
        super(message);
        this.evidence = List.copyOf(evidence);
    }

    List<String> evidence() {
        return evidence;
    }
}

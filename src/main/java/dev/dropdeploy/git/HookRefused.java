package dev.dropdeploy.git;

/** A webhook that is not proven to come from the connected repository's server (401), with a plain reason. */
final class HookRefused extends RuntimeException {

    HookRefused(String message) {
        super(message);
    }
}

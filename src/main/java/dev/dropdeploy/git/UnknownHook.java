package dev.dropdeploy.git;

/** A webhook address no connection has (404): never made, or the project was disconnected. */
final class UnknownHook extends RuntimeException {

    UnknownHook() {
        super("No project is connected at this webhook address; connect the project again and copy its new address");
    }
}

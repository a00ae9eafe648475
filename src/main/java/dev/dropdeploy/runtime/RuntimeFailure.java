package dev.dropdeploy.runtime;

/** The engine refused, was unreachable, or a container could not be started; the message says which in plain words. */
public class RuntimeFailure extends RuntimeException {

    public RuntimeFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeFailure(String message) {
        super(message);
    }
}

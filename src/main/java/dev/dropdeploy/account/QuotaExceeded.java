package dev.dropdeploy.account;

/** A per-user limit was hit; the message says which, the limit, and what to do. */
public class QuotaExceeded extends RuntimeException {

    QuotaExceeded(String message) {
        super(message);
    }
}

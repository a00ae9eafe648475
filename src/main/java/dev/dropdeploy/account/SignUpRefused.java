package dev.dropdeploy.account;

/** The installation's sign-up policy turned a sign-up down; the message says so in plain words and what to do. */
public class SignUpRefused extends RuntimeException {

    SignUpRefused(String message) {
        super(message);
    }
}

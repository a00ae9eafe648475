package dev.dropdeploy.account;

/** A sign-in or link through an identity provider was turned down; the message says why in plain words. */
class ExternalSignInRefused extends RuntimeException {

    static final String DISABLED = "This account is disabled; ask the administrator of this installation";
    static final String LINKED_ELSEWHERE =
            "This sign-in is already linked to another DropDeploy account; unlink it there first";

    ExternalSignInRefused(String message) {
        super(message);
    }
}

package dev.dropdeploy.account;

/**
 * Who a provider says signed in: its registration id and its stable id for the person ({@code sub} in OpenID Connect,
 * the numeric id at GitHub), and what the new account could be called if there is none yet.
 */
record ExternalIdentity(String provider, String subject, ExternalNames names) {

    static final int MAX_SUBJECT = 255;
    static final String NO_SUBJECT =
            "The identity provider did not say who signed in; try again or ask the administrator";

    ExternalIdentity {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new ExternalSignInRefused(NO_SUBJECT);
        }
    }
}

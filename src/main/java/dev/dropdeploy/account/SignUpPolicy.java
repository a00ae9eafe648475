package dev.dropdeploy.account;

/** Who may create an account once the administrator exists. */
enum SignUpPolicy {
    OPEN,
    INVITE,
    CLOSED;

    static final String CLOSED_MESSAGE = "Sign-up is closed on this installation; ask its administrator for an invite";
    static final String INVITE_MESSAGE =
            "Sign-up on this installation is by invitation; ask its administrator for an invite link";

    /** What happens to one sign-up. */
    enum Admission {
        /** The installation has no account yet: this one becomes the administrator, whatever the policy. */
        ADMINISTRATOR,
        MEMBER,
        /** Admitted only if the invite it carries can be used up. */
        MEMBER_BY_INVITE,
        REFUSED
    }

    /**
     * Decides a sign-up. An invite counts only under {@link #INVITE}: closing sign-up also stops invites already sent,
     * and under {@link #OPEN} an invite is not needed, so it is left unused.
     */
    Admission admit(boolean firstAccount, boolean carriesInvite) {
        if (firstAccount) {
            return Admission.ADMINISTRATOR;
        }
        return switch (this) {
            case OPEN -> Admission.MEMBER;
            case INVITE -> carriesInvite ? Admission.MEMBER_BY_INVITE : Admission.REFUSED;
            case CLOSED -> Admission.REFUSED;
        };
    }

    /** The plain words for a refused sign-up. */
    String refusal() {
        return this == INVITE ? INVITE_MESSAGE : CLOSED_MESSAGE;
    }
}

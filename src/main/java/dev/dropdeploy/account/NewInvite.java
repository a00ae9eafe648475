package dev.dropdeploy.account;

/** A freshly created invite: the only moment {@code token} is known, since only its hash is stored. */
record NewInvite(InviteSummary summary, String token) {}

package dev.dropdeploy.account;

import java.time.Instant;

/** A freshly made reset link: the only moment {@code token} is known, since only its hash is stored. */
record NewPasswordReset(String token, Instant expiresAt) {}

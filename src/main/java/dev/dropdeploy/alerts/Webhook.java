package dev.dropdeploy.alerts;

import java.time.Instant;

/**
 * A project's webhook as its owner sees it. The secret is shown only when it is made ({@link Webhooks#set}).
 *
 * @param lastOutcome what the receiver answered last time, in words, or {@code null} before the first delivery
 */
public record Webhook(String url, Instant createdAt, String lastEvent, String lastOutcome, Instant lastAttemptAt) {}

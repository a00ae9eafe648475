package dev.dropdeploy.account;

/** A freshly created key: the only moment {@code key} is known, since only its hash is stored. */
public record NewApiKey(ApiKeySummary summary, String key) {}

package dev.dropdeploy.data;

import java.util.UUID;

/** A project's data folder (or its owner's folders together) went over the quota; the project must stop. */
public record DataFolderOverQuota(UUID projectId, String reason) {}

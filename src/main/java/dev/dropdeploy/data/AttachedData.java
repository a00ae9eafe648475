package dev.dropdeploy.data;

import java.time.Instant;

/**
 * One kind of data a project has.
 *
 * @param usedBytes the data folder's size when last measured (0 for services and before the first measurement)
 * @param quotaBytes the project's data folder quota (0 for services)
 */
public record AttachedData(DataKind kind, Instant attachedAt, long usedBytes, Instant measuredAt, long quotaBytes) {}

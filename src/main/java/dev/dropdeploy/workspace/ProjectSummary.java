package dev.dropdeploy.workspace;

import java.time.Instant;
import java.util.UUID;

/** What other modules may know about a project. */
public record ProjectSummary(UUID id, String slug, String name, Instant createdAt) {}

package dev.dropdeploy.workspace;

import java.time.Instant;
import java.util.UUID;

/** One version of a project's files: a commit in its repository, numbered from 1. */
public record WorkspaceVersion(UUID projectId, int number, String commitId, String message, Instant createdAt) {}

package dev.dropdeploy.git;

import java.time.Instant;
import java.util.UUID;

/** A branch's preview: its own project at {@code slug} ({@code <branch>--<slug>}), removed at {@code expiresAt}. */
public record GitPreviewView(String branch, UUID projectId, String slug, Instant expiresAt) {}

package dev.dropdeploy.alerts;

import java.util.UUID;

/**
 * Something an app's owner should see now (a failed deployment, a crash, an outage): the shell shows it as a toast in
 * that owner's open pages, and only theirs.
 *
 * @param message plain words, naming the project
 */
public record OwnerAlerted(UUID ownerId, UUID projectId, String projectSlug, String kind, String message) {}

package dev.dropdeploy.workspace;

/**
 * A commit of a connected repository recorded as a version.
 *
 * @param commitId the commit's full id in the source repository (not the workspace's own commit)
 * @param message the commit's full message
 */
public record ImportedCommit(WorkspaceVersion version, String branch, String commitId, String message) {}

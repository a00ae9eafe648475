package dev.dropdeploy.workspace;

/** A paste recorded as a version: the version, and what the paste became (to show the user). */
public record PastedVersion(WorkspaceVersion version, PasteResult paste) {}

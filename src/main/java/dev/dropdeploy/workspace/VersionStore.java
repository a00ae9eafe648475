package dev.dropdeploy.workspace;

import java.nio.file.Path;
import java.util.UUID;

/** A project's file history. The only place that knows it is Git. */
interface VersionStore {

    /**
     * Makes the project's files exactly those under {@code source} (regular files only) and records them.
     *
     * @return the id of the new snapshot
     */
    String commitSnapshot(UUID projectId, Path source, String message);

    /** Writes the files of snapshot {@code commitId} into the empty folder {@code target}, exec bits included. */
    void export(UUID projectId, String commitId, Path target);

    /** Removes the project's whole history. */
    void delete(UUID projectId);
}

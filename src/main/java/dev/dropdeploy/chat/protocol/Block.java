package dev.dropdeploy.chat.protocol;

import java.util.List;

/** One closed tag of an answer. */
public sealed interface Block {

    /** A whole file, as it should be after the turn. */
    record FileWrite(String path, String content) implements Block {}

    /** One or more SEARCH/REPLACE pairs against a file's current content. */
    record FileEdit(String path, List<Replacement> replacements) implements Block {}

    record FileDelete(String path) implements Block {}

    /**
     * The app needs a kind of data kept for it ({@code postgres}, {@code valkey}, {@code folder}): attached before the
     * version deploys.
     */
    record Attach(String kind) implements Block {}

    /** The model's own short account of the app as it now stands. */
    record Summary(String text) implements Block {}

    /** A tag that closed but could not be read (an edit without complete SEARCH/REPLACE markers, a missing path). */
    record Malformed(String tag, String problem) implements Block {}

    record Replacement(String search, String replace) {}
}

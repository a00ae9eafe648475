package dev.dropdeploy.chat.memory;

import java.time.Instant;

/** One thing the chat showed. */
public record ChatEntry(long id, Kind kind, String content, Instant at) {

    /** The last field of a {@link Kind#LIVE} entry whose link opens a program's run page. */
    public static final String RUN_PAGE = "run-page";

    public enum Kind {
        USER,
        ASSISTANT,
        /** The files a turn changed, one per line: {@code kind<TAB>path<TAB>added<TAB>removed}. */
        FILES,
        STEP,
        /** {@code version<TAB>url<TAB>versionUrl}, then {@code <TAB>}{@link #RUN_PAGE} for a program's run page */
        LIVE,
        NOTE,
        USAGE
    }
}

package dev.dropdeploy.chat.memory;

import java.time.Instant;

/** One thing the chat showed. */
public record ChatEntry(long id, Kind kind, String content, Instant at) {

    public enum Kind {
        USER,
        ASSISTANT,
        /** The files a turn changed, one per line: {@code kind<TAB>path<TAB>added<TAB>removed}. */
        FILES,
        STEP,
        /** {@code version<TAB>url<TAB>versionUrl} */
        LIVE,
        NOTE,
        USAGE
    }
}

package dev.dropdeploy.chat.turn;

import dev.dropdeploy.chat.llm.TurnUsage;
import dev.dropdeploy.chat.protocol.FileChange;
import java.util.List;

/** Where a turn reports what happens, as it happens. Calls come from background threads. */
public interface TurnSink {

    /** More of the assistant's own words (never file bodies). */
    void text(String delta);

    /** A new assistant message begins (a fix attempt speaks in its own bubble). */
    default void newMessage() {}

    void files(int version, List<FileChange> changes);

    /** A deploy timeline step, such as "Detected static site" or "Building". */
    void step(String line);

    /** The version answers at its links; {@code runPage} when what answers is a program's run page, not a web app. */
    void live(int version, String url, String versionUrl, boolean runPage);

    /** Something the person should know, in Markdown: a fix attempt, a failure and what to do. */
    void note(String markdown);

    void usage(TurnUsage usage);

    /** The turn is over; the input may be enabled again. */
    void done();
}

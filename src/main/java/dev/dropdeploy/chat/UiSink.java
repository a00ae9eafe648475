package dev.dropdeploy.chat;

import com.vaadin.flow.component.UI;
import dev.dropdeploy.chat.llm.TurnUsage;
import dev.dropdeploy.chat.protocol.FileChange;
import dev.dropdeploy.chat.turn.TurnSink;
import java.util.List;

/**
 * Carries a turn's reports into the open page. Tokens are batched (at most one push per 80 ms) so a fast model does
 * not flood the browser with one round trip per token.
 */
final class UiSink implements TurnSink {

    private static final long BATCH_MILLIS = 80;

    private final UI ui;
    private final Transcript transcript;
    private final Runnable onDone;
    private final StringBuilder pending = new StringBuilder();
    private long lastPush;

    UiSink(UI ui, Transcript transcript, Runnable onDone) {
        this.ui = ui;
        this.transcript = transcript;
        this.onDone = onDone;
    }

    @Override
    public synchronized void text(String delta) {
        pending.append(delta);
        if (System.currentTimeMillis() - lastPush >= BATCH_MILLIS) {
            pushText();
        }
    }

    @Override
    public void newMessage() {
        access(transcript::endMessage);
    }

    @Override
    public void files(int version, List<FileChange> changes) {
        access(() -> transcript.files(version, changes));
    }

    @Override
    public void step(String line) {
        access(() -> transcript.step(line));
    }

    @Override
    public void live(int version, String url, String versionUrl, boolean runPage) {
        access(() -> transcript.live(version, url, versionUrl, runPage));
    }

    @Override
    public void note(String markdown) {
        access(() -> transcript.note(markdown));
    }

    @Override
    public void usage(TurnUsage usage) {
        access(() -> transcript.usage(usage.describe()));
    }

    @Override
    public void done() {
        access(onDone);
    }

    /** Pending text first, so everything appears in the order it happened. */
    private synchronized void access(Runnable action) {
        pushText();
        ui.access(action::run);
    }

    private void pushText() {
        lastPush = System.currentTimeMillis();
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        ui.access(() -> transcript.assistant(text));
    }
}

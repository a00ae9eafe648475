package dev.dropdeploy.chat;

import dev.dropdeploy.chat.llm.TurnUsage;
import dev.dropdeploy.chat.protocol.FileChange;
import dev.dropdeploy.chat.turn.TurnSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a turn reported, for assertions. */
final class RecordedTurn implements TurnSink {

    final StringBuilder text = new StringBuilder();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<FileChange> files = new CopyOnWriteArrayList<>();
    volatile String url;
    volatile String versionUrl;
    volatile int liveVersion;
    volatile Instant liveAt;
    volatile TurnUsage usage;

    @Override
    public synchronized void text(String delta) {
        text.append(delta);
    }

    @Override
    public void files(int version, List<FileChange> changes) {
        files.addAll(changes);
        events.add("files v" + version + " " + changes);
    }

    @Override
    public void step(String line) {
        events.add("step " + line);
    }

    @Override
    public void live(int version, String url, String versionUrl, boolean runPage) {
        this.liveAt = Instant.now();
        this.liveVersion = version;
        this.url = url;
        this.versionUrl = versionUrl;
        events.add((runPage ? "run page v" : "live v") + version + " " + url + " " + versionUrl);
    }

    @Override
    public void note(String markdown) {
        events.add("note " + markdown);
    }

    @Override
    public void usage(TurnUsage usage) {
        this.usage = usage;
    }

    @Override
    public void done() {
        events.add("done");
    }

    boolean noted(String fragment) {
        return events.stream().anyMatch(e -> e.startsWith("note") && e.contains(fragment));
    }

    @Override
    public String toString() {
        return "text: " + text + "\nevents:\n" + String.join("\n", events);
    }
}

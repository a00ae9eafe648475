package dev.dropdeploy.chat.turn;

import dev.dropdeploy.chat.llm.TurnUsage;
import dev.dropdeploy.chat.memory.ChatEntry;
import dev.dropdeploy.chat.memory.Conversation;
import dev.dropdeploy.chat.protocol.FileChange;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Passes a turn's reports on and stores them in the conversation, so a reload shows the same chat. */
final class RecordingSink implements TurnSink {
    private final TurnSink target;
    private final Conversation conversation;
    private final UUID projectId;
    private final StringBuilder text = new StringBuilder();

    RecordingSink(TurnSink target, Conversation conversation, UUID projectId) {
        this.target = target;
        this.conversation = conversation;
        this.projectId = projectId;
    }

    @Override
    public void text(String delta) {
        text.append(delta);
        target.text(delta);
    }

    @Override
    public void newMessage() {
        flush();
        target.newMessage();
    }

    @Override
    public void files(int version, List<FileChange> changes) {
        flush();
        conversation.add(
                projectId,
                ChatEntry.Kind.FILES,
                version + "\n"
                        + changes.stream()
                                .map(c -> c.label() + "\t" + c.path() + "\t" + c.linesAdded() + "\t" + c.linesRemoved())
                                .collect(Collectors.joining("\n")));
        target.files(version, changes);
    }

    @Override
    public void step(String line) {
        flush();
        conversation.add(projectId, ChatEntry.Kind.STEP, line);
        target.step(line);
    }

    @Override
    public void live(int version, String url, String versionUrl, boolean runPage) {
        flush();
        conversation.add(
                projectId,
                ChatEntry.Kind.LIVE,
                version + "\t" + url + "\t" + versionUrl + (runPage ? "\t" + ChatEntry.RUN_PAGE : ""));
        target.live(version, url, versionUrl, runPage);
    }

    @Override
    public void note(String markdown) {
        flush();
        conversation.add(projectId, ChatEntry.Kind.NOTE, markdown);
        target.note(markdown);
    }

    @Override
    public void usage(TurnUsage usage) {
        flush();
        conversation.add(projectId, ChatEntry.Kind.USAGE, usage.describe());
        target.usage(usage);
    }

    @Override
    public void done() {
        flush();
        target.done();
    }

    private void flush() {
        if (!text.toString().isBlank()) {
            conversation.add(
                    projectId, ChatEntry.Kind.ASSISTANT, text.toString().strip());
        }
        text.setLength(0);
    }
}

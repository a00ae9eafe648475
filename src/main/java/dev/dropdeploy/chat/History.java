package dev.dropdeploy.chat;

import dev.dropdeploy.chat.memory.ChatEntry;
import dev.dropdeploy.chat.protocol.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws the stored conversation the way it looked live. */
final class History {

    private History() {}

    static void replay(List<ChatEntry> entries, Transcript transcript) {
        for (ChatEntry entry : entries) {
            switch (entry.kind()) {
                case USER -> transcript.user(entry.content());
                case ASSISTANT -> {
                    transcript.assistant(entry.content());
                    transcript.endMessage();
                }
                case FILES -> files(entry.content(), transcript);
                case STEP -> transcript.step(entry.content());
                case LIVE -> {
                    String[] parts = entry.content().split("\t");
                    transcript.live(
                            Integer.parseInt(parts[0]),
                            parts[1],
                            parts[2],
                            parts.length > 3 && parts[3].equals(ChatEntry.RUN_PAGE));
                }
                case NOTE -> transcript.note(entry.content());
                case USAGE -> transcript.usage(entry.content());
            }
        }
    }

    private static void files(String content, Transcript transcript) {
        String[] lines = content.split("\n");
        List<FileChange> changes = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            FileChange.Kind kind = switch (f[0].toLowerCase(Locale.ROOT)) {
                case "added" -> FileChange.Kind.ADDED;
                case "deleted" -> FileChange.Kind.DELETED;
                default -> FileChange.Kind.CHANGED;
            };
            changes.add(new FileChange(f[1], kind, Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        transcript.files(Integer.parseInt(lines[0]), changes);
    }
}

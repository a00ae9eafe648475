package dev.dropdeploy.mcp;

import static dev.dropdeploy.mcp.Tools.string;
import static dev.dropdeploy.mcp.Tools.tool;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.chat.ChatTurns;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** One turn of a project's own chat: DropDeploy's assistant changes the files and deploys them. */
@Component
class ChatTool extends Tools {

    // The turn is bounded by its model calls, fix attempts and each deployment's ten minutes.
    private static final long TURN_TIMEOUT_MINUTES = 25;

    private final ChatTurns turns;

    ChatTool(ChatTurns turns) {
        this.turns = turns;
    }

    @Override
    List<SyncToolSpecification> specifications() {
        return List.of(tool(
                "chat_turn",
                "Asks the project's own DropDeploy assistant for a change, as in its chat page (\"make the button"
                        + " green\", \"undo\", \"go back to version 2\"). Answers with the assistant's reply, the files"
                        + " it changed and how the deployment ended.",
                Map.of("project", string("The project's name."), "message", string("What to build or change.")),
                List.of("project", "message"),
                this::turn));
    }

    private CallToolResult turn(AccountUser user, Arguments args) {
        Recorded turn = new Recorded();
        try {
            turns.start(user, args.text("project"), args.text("message"), turn)
                    .get(TURN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("The turn was interrupted; it may still finish, see status.");
        } catch (TimeoutException e) {
            return error("The turn is still running after " + TURN_TIMEOUT_MINUTES + " minutes; see status later.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("The turn failed: " + e.getCause().getMessage(), e);
        }
        return turn.result();
    }

    /** Everything the turn reported, gathered for one answer. */
    private static final class Recorded implements ChatTurns.Listener {
        private final StringBuilder answer = new StringBuilder();
        private final List<String> notes = new ArrayList<>();
        private final List<Map<String, Object>> files = new ArrayList<>();
        private final StringBuilder fileLines = new StringBuilder();
        private boolean deployed;
        private Map<String, Object> live;

        @Override
        public synchronized void text(String delta) {
            answer.append(delta);
        }

        @Override
        public synchronized void files(int version, List<ChatTurns.ChangedFile> changed) {
            for (ChatTurns.ChangedFile file : changed) {
                files.add(Map.of("version", version, "path", file.path(), "change", file.change()));
                fileLines.append("- ").append(file.path()).append(' ').append(file.change());
                fileLines.append(" (+").append(file.linesAdded()).append(" −").append(file.linesRemoved());
                fileLines.append(", version ").append(version).append(")\n");
            }
        }

        @Override
        public synchronized void step(String line) {
            deployed = true;
        }

        @Override
        public synchronized void live(int version, String url, String versionUrl, boolean runPage) {
            live = Map.of("version", version, "url", url, "versionUrl", versionUrl);
        }

        @Override
        public synchronized void note(String markdown) {
            notes.add(markdown);
        }

        @Override
        public void done() {}

        synchronized CallToolResult result() {
            StringBuilder text = new StringBuilder(answer.toString().strip());
            if (!fileLines.isEmpty()) {
                text.append("\n\nFiles changed:\n").append(fileLines.toString().strip());
            }
            notes.forEach(note -> text.append("\n\n").append(note.strip()));
            if (live != null) {
                text.append("\n\nLive: ")
                        .append(live.get("url"))
                        .append(" (version ")
                        .append(live.get("version"));
                text.append(")");
            }
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("answer", answer.toString().strip());
            structured.put("files", files);
            structured.put("notes", notes);
            structured.put("live", live);
            boolean failed = deployed && live == null;
            return failed
                    ? error(text.toString().strip())
                    : success(text.toString().strip(), structured);
        }
    }
}

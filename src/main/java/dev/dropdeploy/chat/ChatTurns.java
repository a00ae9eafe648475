package dev.dropdeploy.chat;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.chat.llm.TurnUsage;
import dev.dropdeploy.chat.protocol.FileChange;
import dev.dropdeploy.chat.turn.TurnSink;
import dev.dropdeploy.chat.turn.Turns;
import dev.dropdeploy.deploy.ApiProperties;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;

/**
 * Chat turns for callers outside the chat page (the REST API, the MCP server): the same turn as the page runs, queued
 * behind the project's other turns and stored in its conversation, so the page shows it too.
 */
@Service
public class ChatTurns {

    /** The message that undoes the last turn: the chat's own command, answered without the model. */
    public static final String UNDO = "undo";

    /** What a turn did to one file; {@code change} is {@code added}, {@code changed} or {@code deleted}. */
    public record ChangedFile(String path, String change, int linesAdded, int linesRemoved) {}

    /** Hears a turn as it happens, from background threads, and then {@link #done()} once. */
    public interface Listener {

        /** More of the assistant's own words (never file bodies). */
        void text(String delta);

        void files(int version, List<ChangedFile> files);

        /** A deploy timeline step, such as "Starting the container". */
        void step(String line);

        void live(int version, String url, String versionUrl, boolean runPage);

        /** Something the person should know, in Markdown: a fix attempt, a failure and what to do. */
        void note(String markdown);

        void done();
    }

    private final Turns turns;
    private final Projects projects;
    private final ApiProperties limits;

    ChatTurns(Turns turns, Projects projects, ApiProperties limits) {
        this.turns = turns;
        this.projects = projects;
        this.limits = limits;
    }

    /**
     * Queues the message for the user's project at {@code projectName}'s address.
     *
     * @throws ProjectNotFound for a missing project and for another user's alike
     * @throws IllegalArgumentException for an empty message or one over the API's paste limit
     */
    public Future<?> start(AccountUser user, String projectName, String message, Listener listener) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("Send {\"message\": \"...\"} with what to build or change");
        }
        long limit = limits.pasteLimit().toBytes();
        if (message.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new IllegalArgumentException("The message is larger than the " + (limit >> 10) + " KB limit");
        }
        ProjectSummary project =
                projects.findOwned(user, projectName).orElseThrow(() -> new ProjectNotFound("named " + projectName));
        return turns.submit(user, project.id(), message.strip(), new ListenerSink(listener));
    }

    /** The turn's sink, in the listener's terms: the chat's own types stay inside the module. */
    private record ListenerSink(Listener listener) implements TurnSink {

        @Override
        public void text(String delta) {
            listener.text(delta);
        }

        @Override
        public void newMessage() {
            listener.text("\n\n");
        }

        @Override
        public void files(int version, List<FileChange> changes) {
            listener.files(
                    version,
                    changes.stream()
                            .map(c -> new ChangedFile(c.path(), c.label(), c.linesAdded(), c.linesRemoved()))
                            .toList());
        }

        @Override
        public void step(String line) {
            listener.step(line);
        }

        @Override
        public void live(int version, String url, String versionUrl, boolean runPage) {
            listener.live(version, url, versionUrl, runPage);
        }

        @Override
        public void note(String markdown) {
            listener.note(markdown);
        }

        @Override
        public void usage(TurnUsage usage) {
            // The page shows the cost per turn; API callers see it on the page too.
        }

        @Override
        public void done() {
            listener.done();
        }
    }
}

package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.chat.llm.Llm;
import dev.dropdeploy.chat.llm.LlmException;
import dev.dropdeploy.chat.memory.ChatEntry;
import dev.dropdeploy.chat.memory.Conversation;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The chat's entry point for turns. A project's turns run one at a time in the order sent (its memory and its
 * versions would be corrupted by two at once); different projects' turns run side by side.
 */
@Service
public class Turns {

    private static final Logger LOG = LoggerFactory.getLogger(Turns.class);

    private final Projects projects;
    private final Conversation conversation;
    private final Llm llm;
    private final ModelTurn modelTurn;
    private final Rollbacks rollbacks;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    Turns(Projects projects, Conversation conversation, Llm llm, ModelTurn modelTurn, Rollbacks rollbacks) {
        this.projects = projects;
        this.conversation = conversation;
        this.llm = llm;
        this.modelTurn = modelTurn;
        this.rollbacks = rollbacks;
    }

    /** Queues the person's message; {@code sink} hears everything the turn does and then {@code done()}. */
    public Future<?> submit(AccountUser user, UUID projectId, String text, TurnSink sink) {
        ProjectSummary project =
                projects.find(user, projectId).orElseThrow(() -> new IllegalArgumentException("No such project"));
        ReentrantLock lock = locks.computeIfAbsent(projectId, id -> new ReentrantLock(true));
        return executor.submit(() -> {
            lock.lock();
            try {
                conversation.add(projectId, ChatEntry.Kind.USER, text);
                run(user, project, text, new RecordingSink(sink, conversation, projectId));
            } finally {
                lock.unlock();
            }
        });
    }

    public boolean modelConfigured() {
        return llm.configured();
    }

    private void run(AccountUser user, ProjectSummary project, String text, TurnSink sink) {
        UUID turn = UUID.randomUUID();
        try {
            OptionalInt rollback = Commands.rollbackTarget(text);
            if (rollback.isPresent()) {
                rollbacks.run(user, project, rollback.getAsInt(), sink);
            } else if (!llm.configured()) {
                sink.note(NoModel.MESSAGE);
            } else {
                modelTurn.run(user, project, text, turn, sink);
            }
        } catch (LlmException e) {
            String what = e.getMessage() == null ? "The model could not be reached." : e.getMessage();
            sink.note(what + (what.endsWith(".") ? "" : ".") + " Nothing was changed.");
        } catch (RuntimeException e) {
            LOG.warn("Chat turn for {} failed", project.slug(), e);
            sink.note("Something went wrong on DropDeploy's side: " + e.getMessage() + ". Nothing was changed.");
        } finally {
            if (llm.configured()) {
                sink.usage(llm.usage(turn));
            }
            sink.done();
        }
    }
}

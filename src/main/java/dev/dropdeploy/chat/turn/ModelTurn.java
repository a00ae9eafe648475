package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.chat.ChatProperties;
import dev.dropdeploy.chat.llm.ApproximateTokens;
import dev.dropdeploy.chat.memory.PostgresChatMemoryStore;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A request for the model: answer, apply as one version, deploy, and fix a failed deployment within bounds. */
@Component
class ModelTurn {

    private final Exchange exchange;
    private final Prompts prompts;
    private final Workspaces workspaces;
    private final Shipping shipping;
    private final Versions versions;
    private final PostgresChatMemoryStore store;
    private final ChatProperties properties;
    private final Attachments attachments;

    ModelTurn(
            Exchange exchange,
            Prompts prompts,
            Workspaces workspaces,
            Shipping shipping,
            Versions versions,
            PostgresChatMemoryStore store,
            ChatProperties properties,
            Attachments attachments) {
        this.attachments = attachments;
        this.exchange = exchange;
        this.prompts = prompts;
        this.workspaces = workspaces;
        this.shipping = shipping;
        this.versions = versions;
        this.store = store;
        this.properties = properties;
    }

    void run(AccountUser user, ProjectSummary project, String request, UUID turn, TurnSink sink) {
        ChatMemory memory = memory(project.id());
        Exchange.Result result =
                ask(user, project, versions.base(user, project.id()), request, null, memory, turn, sink);
        if (!(result instanceof Exchange.Changes changes)) {
            remember(
                    memory,
                    request,
                    result instanceof Exchange.Talk talk ? talk.answer().text() : "(no change)");
            return;
        }
        WorkspaceVersion version = apply(project, changes, request, versions.base(user, project.id()), sink);
        attachments.attach(user, project, changes.answer(), sink);
        String outcome = deployAndFix(user, project, version, memory, turn, sink);
        remember(memory, request, changes.answer().summary() + " " + outcome);
    }

    private String deployAndFix(
            AccountUser user,
            ProjectSummary project,
            WorkspaceVersion version,
            ChatMemory memory,
            UUID turn,
            TurnSink sink) {
        String previousFailure = null;
        for (int attempt = 1; ; attempt++) {
            DeploymentView result = shipping.deploy(user, project.id(), version.number(), sink);
            if (result.state() == DeploymentState.LIVE) {
                sink.live(result.version(), result.url(), result.versionUrl(), result.runPage());
                return "(version " + version.number() + " is live)";
            }
            String failure = Failures.describe(result, shipping.evidence(result));
            boolean repeated = Failures.sameCause(failure, previousFailure);
            if (attempt > properties.fixAttempts() || repeated) {
                sink.note(Failures.giveUp(result, repeated, versions.live(user, project.id())));
                return "(version " + version.number() + " failed: " + result.reason() + ")";
            }
            previousFailure = failure;
            sink.note("**Fixing: attempt " + attempt + " of " + properties.fixAttempts() + ".** Version "
                    + version.number() + " did not go live: " + result.reason());
            Exchange.Result fix =
                    ask(user, project, version.number(), Failures.fixRequest(failure), failure, memory, turn, sink);
            if (!(fix instanceof Exchange.Changes changes)) {
                sink.note(Failures.giveUp(result, false, versions.live(user, project.id())));
                return "(fix failed)";
            }
            version = apply(project, changes, "Fix: " + result.reason(), version.number(), sink);
            attachments.attach(user, project, changes.answer(), sink);
        }
    }

    private Exchange.Result ask(
            AccountUser user,
            ProjectSummary project,
            int base,
            String request,
            String failure,
            ChatMemory memory,
            UUID turn,
            TurnSink sink) {
        try (Snapshot snapshot = Snapshot.of(workspaces, project.id(), base)) {
            String lastDeployment = failure != null ? failure : versions.lastDeployment(user, project.id());
            String context = ProjectContext.render(
                    project.name(),
                    snapshot,
                    store.summary(project.id()).orElse(null),
                    attachments.describe(user, project),
                    lastDeployment,
                    request,
                    properties.contextTokens());
            List<ChatMessage> messages = new ArrayList<>();
            messages.add(SystemMessage.from(prompts.system()));
            messages.addAll(memory.messages());
            messages.add(UserMessage.from(context));
            Exchange.Result result = exchange.run(messages, snapshot.texts(), turn, sink);
            if (result instanceof Exchange.Failed failed) {
                sink.note(
                        "I could not produce a change that applies cleanly (" + failed.why() + "). Nothing was "
                                + "changed and the live app is untouched. Try rephrasing the request or asking for a smaller step.");
            }
            return result;
        }
    }

    private WorkspaceVersion apply(
            ProjectSummary project, Exchange.Changes changes, String request, int base, TurnSink sink) {
        try (Snapshot snapshot = Snapshot.of(workspaces, project.id(), base)) {
            WorkspaceVersion version = snapshot.commit(
                    workspaces, changes.applied(), message(changes.answer().summary(), request));
            sink.files(version.number(), changes.applied().changes());
            if (!changes.answer().summary().isBlank()) {
                store.saveSummary(project.id(), changes.answer().summary());
            }
            return version;
        }
    }

    private ChatMemory memory(UUID projectId) {
        return TokenWindowChatMemory.builder()
                .id(projectId)
                .maxTokens(properties.memoryTokens(), new ApproximateTokens())
                .chatMemoryStore(store)
                .build();
    }

    private static void remember(ChatMemory memory, String request, String answer) {
        memory.add(UserMessage.from(request));
        memory.add(AiMessage.from(answer.isBlank() ? "(no answer)" : answer.strip()));
    }

    static String message(String summary, String request) {
        String source = summary.isBlank() ? request : summary;
        String line = source.strip().lines().findFirst().orElse("Chat turn");
        return line.length() > 72 ? line.substring(0, 71) + "…" : line;
    }
}

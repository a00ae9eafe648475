package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.chat.protocol.Answer;
import dev.dropdeploy.data.DataKind;
import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.workspace.ProjectSummary;
import org.springframework.stereotype.Component;

/**
 * Attaches the data an answer asked for ({@code <attach kind="postgres"/>}) before its version deploys, and says so in
 * the chat. The model never sees a credential: it is told which variables exist, the values go to the container only.
 */
@Component
class Attachments {

    private final DataServices data;

    Attachments(DataServices data) {
        this.data = data;
    }

    void attach(AccountUser user, ProjectSummary project, Answer answer, TurnSink sink) {
        for (String asked : answer.attachments()) {
            try {
                DataKind kind = DataKind.parse(asked);
                boolean had = data.list(user, project.id()).stream().anyMatch(d -> d.kind() == kind);
                if (!had) {
                    sink.step("Attaching " + kind.label());
                    data.attach(user, project.id(), kind);
                    sink.note("**" + kind.label() + " attached.** " + described(kind));
                }
            } catch (RuntimeException e) {
                sink.note("**Could not attach " + asked + ":** " + e.getMessage());
            }
        }
    }

    /** For the model's context: which kinds are attached and which variables they give, never a value. */
    java.util.List<String> describe(AccountUser user, ProjectSummary project) {
        return data.list(user, project.id()).stream()
                .map(d -> d.kind().label() + " (attached): " + described(d.kind()))
                .toList();
    }

    private static String described(DataKind kind) {
        return kind == DataKind.FOLDER
                ? "Files the app writes under `/data` (`DATA_DIR`) stay across versions and restarts."
                : "The app gets "
                        + String.join(
                                ", ",
                                kind.variables().stream()
                                        .map(v -> "`" + v + "`")
                                        .toList())
                        + " as secrets; its data stays across versions, rollbacks and restarts.";
    }
}

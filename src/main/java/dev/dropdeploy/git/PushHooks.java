package dev.dropdeploy.git;

import dev.dropdeploy.workspace.environment.SealedValues;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Receives a webhook: finds the connection by its hook id, verifies the signature on the raw body, reads the push and
 * records it, then leaves the slow part (fetch, deploy) to {@link PushWork} so the server gets its answer at once.
 */
@Component
class PushHooks {

    private final GitConnectionRepository connections;
    private final GitPushRepository pushes;
    private final SealedValues sealed;
    private final PushWork work;
    private final GitProperties properties;
    private final Clock clock;

    PushHooks(
            GitConnectionRepository connections,
            GitPushRepository pushes,
            SealedValues sealed,
            PushWork work,
            GitProperties properties,
            Clock clock) {
        this.connections = connections;
        this.pushes = pushes;
        this.sealed = sealed;
        this.work = work;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws UnknownHook when no connection has this hook id
     * @throws HookRefused when the signature is missing or wrong; nothing is recorded then
     * @throws IllegalArgumentException when a verified body is not a push payload
     */
    HookAnswer receive(String hookId, Function<String, String> headers, byte[] body) {
        GitConnection connection = connections.findByHookId(hookId).orElseThrow(UnknownHook::new);
        HookSignatures.Verified verified = HookSignatures.verify(headers, body, sealed.open(connection.secretSealed()));
        if (!verified.isPush() && !verified.isDelete()) {
            return new HookAnswer(false, "Ignored: a \"" + verified.event() + "\" event is not a push");
        }
        PushEvent push = PushEvent.parse(body, verified.isDelete());
        if (push.branch() == null) {
            return new HookAnswer(false, "Ignored: only pushes of branches are deployed, not tags");
        }
        boolean connected = push.branch().equals(connection.branch());
        if (!connected && !properties.previews()) {
            return new HookAnswer(false, "Ignored: " + push.branch() + " is not the connected branch");
        }
        if (connected && push.deleted()) {
            return new HookAnswer(false, "Ignored: the connected branch was deleted; the live version stays");
        }
        GitPush record = pushes.save(new GitPush(
                connection.projectId(),
                verified.provider(),
                push.branch(),
                push.commitId(),
                push.message(),
                clock.instant()));
        work.submit(connection, push, record);
        return new HookAnswer(true, describe(push, connected));
    }

    private static String describe(PushEvent push, boolean connected) {
        if (push.deleted()) {
            return "Accepted: the preview of " + push.branch() + " will be removed";
        }
        return connected
                ? "Accepted: " + push.branch() + " will be fetched and deployed"
                : "Accepted: " + push.branch() + " will be fetched and deployed as a preview";
    }
}

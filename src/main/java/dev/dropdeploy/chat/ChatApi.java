package dev.dropdeploy.chat;

import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.deploy.ApiErrorFormat;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A chat turn over the API, streamed as Server-Sent Events as it happens: {@code text} (the answer as it arrives),
 * {@code files}, the deployment's {@code step}s, {@code note}s, {@code live} with the links, and one {@code done}
 * ({@code live}, {@code failed}, and the link when live).
 * The turn is the chat page's own, so the page shows it afterwards; a client that goes away does not stop it.
 */
@RestController
@ApiErrorFormat
@RequestMapping("/api/v1/projects/{name}/chat")
class ChatApi {

    record ChatRequest(String message) {}

    private final ChatTurns turns;
    private final CurrentUser currentUser;

    ChatApi(ChatTurns turns, CurrentUser currentUser) {
        this.turns = turns;
        this.currentUser = currentUser;
    }

    @PostMapping
    SseEmitter chat(@PathVariable String name, @RequestBody ChatRequest body) {
        return stream(name, body == null ? null : body.message());
    }

    /** Puts the version before the live one back live, as "undo" in the chat does. */
    @PostMapping("/undo")
    SseEmitter undo(@PathVariable String name) {
        return stream(name, ChatTurns.UNDO);
    }

    private SseEmitter stream(String name, String message) {
        // No timeout of its own: the turn is bounded (model calls, fix attempts, the deployment's own timeout).
        SseEmitter emitter = new SseEmitter(0L);
        turns.start(currentUser.require(), name, message, new EmitterListener(emitter));
        return emitter;
    }

    /** Sends each report as one event; after the client left, the turn goes on and only the stream ends. */
    private static final class EmitterListener implements ChatTurns.Listener {
        private final SseEmitter emitter;
        private volatile boolean gone;
        private volatile Map<String, Object> live;
        private volatile boolean deployed;

        EmitterListener(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void text(String delta) {
            send("text", Map.of("text", delta));
        }

        @Override
        public void files(int version, List<ChatTurns.ChangedFile> files) {
            send("files", Map.of("version", version, "files", files));
        }

        @Override
        public void step(String line) {
            deployed = true;
            send("step", Map.of("line", line));
        }

        @Override
        public void live(int version, String url, String versionUrl, boolean runPage) {
            live = Map.of("version", version, "url", url, "versionUrl", versionUrl, "runPage", runPage);
            send("live", live);
        }

        @Override
        public void note(String markdown) {
            send("note", Map.of("text", markdown));
        }

        @Override
        public void done() {
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("live", live != null);
            // A deployment that started in this turn and never went live failed; the notes before say why.
            end.put("failed", deployed && live == null);
            if (live != null) {
                end.put("version", live.get("version"));
                end.put("url", live.get("url"));
            }
            send("done", end);
            if (!gone) {
                emitter.complete();
            }
        }

        private synchronized void send(String event, Object data) {
            if (gone) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().name(event).data(data));
            } catch (IOException | IllegalStateException e) {
                gone = true;
            }
        }
    }
}

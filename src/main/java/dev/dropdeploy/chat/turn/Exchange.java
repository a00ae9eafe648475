package dev.dropdeploy.chat.turn;

import dev.dropdeploy.chat.ChatProperties;
import dev.dropdeploy.chat.llm.Llm;
import dev.dropdeploy.chat.llm.Reply;
import dev.dropdeploy.chat.protocol.Answer;
import dev.dropdeploy.chat.protocol.AnswerParser;
import dev.dropdeploy.chat.protocol.Block;
import dev.dropdeploy.chat.protocol.EditApplier;
import dev.dropdeploy.chat.protocol.Outcome;
import dev.dropdeploy.workspace.Pastes;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One request to the model until it yields an answer that applies: a cut-off answer is continued (the parser keeps
 * its state across the pieces), an answer that cannot be applied is re-asked with the precise problems, each within
 * its bound.
 */
@Component
class Exchange {

    sealed interface Result {}

    record Changes(Answer answer, Outcome.Applied applied) implements Result {}

    /** The model answered without changing files (a question, a clarification). */
    record Talk(Answer answer) implements Result {}

    record Failed(String why) implements Result {}

    private final Llm llm;
    private final ChatProperties properties;
    private final Pastes pastes;

    Exchange(Llm llm, ChatProperties properties, Pastes pastes) {
        this.llm = llm;
        this.properties = properties;
        this.pastes = pastes;
    }

    Result run(List<ChatMessage> request, Map<String, String> files, UUID turn, TurnSink sink) {
        List<ChatMessage> messages = new ArrayList<>(request);
        List<String> problems = List.of();
        for (int ask = 0; ask <= properties.reasks(); ask++) {
            if (ask > 0) {
                sink.newMessage();
            }
            Streamed streamed = streamWhole(messages, turn, sink);
            Outcome outcome = new EditApplier(files).apply(streamed.answer);
            if (outcome instanceof Outcome.Applied applied) {
                if (streamed.answer.changesFiles()) {
                    return new Changes(streamed.answer, applied);
                }
                return fromCodeBlocks(streamed, files, sink).orElseGet(() -> talk(streamed.answer, sink));
            }
            Outcome.Rejected rejected = (Outcome.Rejected) outcome;
            problems = rejected.problems();
            if (ask < properties.reasks()) {
                sink.note("That answer could not be applied (" + String.join("; ", firstLines(problems))
                        + "). Nothing was changed; asking for a corrected one (" + (ask + 1) + " of "
                        + properties.reasks() + ").");
            }
            messages.add(AiMessage.from(streamed.text));
            messages.add(UserMessage.from(rejected.reask()));
        }
        return new Failed(String.join("; ", firstLines(problems)));
    }

    /**
     * An answer that drifted from the tag protocol into Markdown fences headed by file names is read the way a paste
     * is (only named blocks count), and said so.
     */
    private Optional<Result> fromCodeBlocks(Streamed streamed, Map<String, String> files, TurnSink sink) {
        Map<String, String> named = pastes.namedFiles(streamed.text);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        named.forEach((path, content) -> blocks.add(new Block.FileWrite(path, content)));
        streamed.answer.blocks().stream()
                .filter(Block.Summary.class::isInstance)
                .forEach(blocks::add);
        Answer answer = new Answer(streamed.answer.text(), List.copyOf(blocks), null);
        if (!(new EditApplier(files).apply(answer) instanceof Outcome.Applied applied)) {
            return Optional.empty();
        }
        sink.note("The answer named its files in Markdown instead of file tags; I read the files from the answer's"
                + " code blocks: " + String.join(", ", named.keySet()) + ".");
        return Optional.of(new Changes(answer, applied));
    }

    /** A turn that changes nothing says so when the answer shows code, so it never ends silently. */
    private static Result talk(Answer answer, TurnSink sink) {
        if (answer.text().contains("```")) {
            sink.note("The answer shows code but names no file for it, so nothing was changed. Ask again and name the"
                    + " file (for example \"write it to index.html\").");
        }
        return new Talk(answer);
    }

    private record Streamed(String text, Answer answer) {}

    private Streamed streamWhole(List<ChatMessage> messages, UUID turn, TurnSink sink) {
        AnswerParser parser = new AnswerParser(sink::text, block -> {});
        StringBuilder whole = new StringBuilder();
        Reply reply = llm.stream(messages, turn, token -> feed(parser, whole, token));
        for (int more = 0; reply.truncated() && more < properties.continuations(); more++) {
            List<ChatMessage> continued = new ArrayList<>(messages);
            continued.add(AiMessage.from(whole.toString()));
            continued.add(UserMessage.from(Prompts.CONTINUE));
            reply = llm.stream(continued, turn, token -> feed(parser, whole, token));
        }
        return new Streamed(whole.toString(), parser.finish());
    }

    private static void feed(AnswerParser parser, StringBuilder whole, String token) {
        whole.append(token);
        parser.feed(token);
    }

    private static List<String> firstLines(List<String> problems) {
        return problems.stream().map(p -> p.lines().findFirst().orElse(p)).toList();
    }
}

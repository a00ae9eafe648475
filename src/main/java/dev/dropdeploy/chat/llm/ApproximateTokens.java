package dev.dropdeploy.chat.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.TokenCountEstimator;

/**
 * About four characters per token. Any OpenAI-compatible model may sit behind the URL, so an exact tokenizer for one
 * model family would be false precision; budgets only need to be safe, not exact.
 */
public final class ApproximateTokens implements TokenCountEstimator {

    public static int of(String text) {
        return text == null ? 0 : text.length() / 4 + 1;
    }

    @Override
    public int estimateTokenCountInText(String text) {
        return of(text);
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        String text = switch (message) {
            case UserMessage u -> u.hasSingleText() ? u.singleText() : u.toString();
            case AiMessage a -> a.text();
            case SystemMessage s -> s.text();
            default -> message.toString();
        };
        return of(text) + 4;
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        int total = 0;
        for (ChatMessage message : messages) {
            total += estimateTokenCountInMessage(message);
        }
        return total;
    }
}

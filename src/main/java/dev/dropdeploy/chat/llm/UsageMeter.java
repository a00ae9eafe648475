package dev.dropdeploy.chat.llm;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens per turn from the model's own usage reports. Every request carries its turn's id as a listener
 * attribute, because several projects' turns stream at once through one model.
 */
final class UsageMeter implements ChatModelListener {

    static final String TURN = "dropdeploy.turn";

    private final Map<UUID, TurnUsage> turns = new ConcurrentHashMap<>();
    private final BigDecimal inputPrice;
    private final BigDecimal outputPrice;

    UsageMeter(BigDecimal inputPrice, BigDecimal outputPrice) {
        this.inputPrice = inputPrice;
        this.outputPrice = outputPrice;
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        if (!(context.attributes().get(TURN) instanceof UUID turn)) {
            return;
        }
        TokenUsage usage = context.chatResponse().tokenUsage();
        long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long output = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        turns.merge(turn, TurnUsage.NONE.plus(input, output, inputPrice, outputPrice), UsageMeter::add);
    }

    /** The turn's usage so far; forgets the turn. */
    TurnUsage take(UUID turn) {
        TurnUsage usage = turns.remove(turn);
        return usage == null ? TurnUsage.NONE : usage;
    }

    private static TurnUsage add(TurnUsage a, TurnUsage b) {
        return new TurnUsage(
                a.calls() + b.calls(),
                a.inputTokens() + b.inputTokens(),
                a.outputTokens() + b.outputTokens(),
                a.cost().add(b.cost()));
    }
}

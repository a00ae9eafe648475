package dev.dropdeploy.chat.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Tokens a turn used across all its model calls, and what they cost at the configured prices. */
public record TurnUsage(int calls, long inputTokens, long outputTokens, BigDecimal cost) {

    public static final TurnUsage NONE = new TurnUsage(0, 0, 0, BigDecimal.ZERO);

    TurnUsage plus(long input, long output, BigDecimal inputPrice, BigDecimal outputPrice) {
        BigDecimal more = inputPrice
                .multiply(BigDecimal.valueOf(input))
                .add(outputPrice.multiply(BigDecimal.valueOf(output)))
                .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
        return new TurnUsage(calls + 1, inputTokens + input, outputTokens + output, cost.add(more));
    }

    public String describe() {
        String tokens =
                "%,d tokens in, %,d out (%d call%s)".formatted(inputTokens, outputTokens, calls, calls == 1 ? "" : "s");
        return cost.signum() == 0 ? tokens : tokens + ", about $" + cost.setScale(4, RoundingMode.HALF_UP);
    }
}

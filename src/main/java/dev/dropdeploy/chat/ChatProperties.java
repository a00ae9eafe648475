package dev.dropdeploy.chat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the chat uses the model.
 *
 * @param prompts the folder of system prompts ({@code system.md})
 * @param memoryTokens the token window of remembered requests and summaries per project
 * @param contextTokens what each turn may spend on the file tree, current files, summary and last deployment
 * @param fixAttempts automatic fixes after a failed deployment, per turn
 * @param continuations continuations of an answer cut off by the output limit
 * @param reasks corrected answers asked for when one cannot be applied
 * @param inputPricePerMillion price of a million input tokens, for the cost shown per turn (0 = unknown)
 */
@ConfigurationProperties("dropdeploy.chat")
public record ChatProperties(
        @DefaultValue("prompts") Path prompts,
        @DefaultValue("4000") int memoryTokens,
        @DefaultValue("24000") int contextTokens,
        @DefaultValue("2") int fixAttempts,
        @DefaultValue("2") int continuations,
        @DefaultValue("2") int reasks,
        @DefaultValue("0") BigDecimal inputPricePerMillion,
        @DefaultValue("0") BigDecimal outputPricePerMillion) {}

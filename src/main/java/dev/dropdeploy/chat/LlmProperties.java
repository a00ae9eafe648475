package dev.dropdeploy.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible model the chat talks to (OpenAI, Ollama, vLLM, LM Studio, OpenRouter...). Unset base URL or
 * model means "no LLM configured": the other ways in (paste, upload, Git) still work.
 *
 * @param baseUrl for example {@code https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param apiKey sent as a bearer token; may be empty for local servers
 */
@ConfigurationProperties("dropdeploy.llm")
public record LlmProperties(
        String baseUrl,
        String apiKey,
        String model,
        @DefaultValue("8192") int maxTokens,
        @DefaultValue("120s") Duration timeout) {

    public boolean isConfigured() {
        return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
    }

    /** The key never leaves this record in clear; logs and the UI get this. */
    @Override
    public String toString() {
        return "LlmProperties[baseUrl=%s, model=%s, apiKey=%s, maxTokens=%d, timeout=%s]"
                .formatted(baseUrl, model, apiKey == null || apiKey.isEmpty() ? "unset" : "set", maxTokens, timeout);
    }
}

package dev.dropdeploy.chat.llm;

import dev.dropdeploy.chat.ChatProperties;
import dev.dropdeploy.chat.LlmProperties;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The streaming model, built from {@link LlmProperties}. Used directly rather than through an AiServices proxy: a turn
 * decides itself what enters memory (requests and summaries, never file bodies), continues a cut-off answer with the
 * partial text as the assistant's message, and re-asks with the parser's findings; an AiServices proxy would write
 * every raw answer, continuation prompt and re-ask into the memory and hide the finish reason behind TokenStream.
 */
@Component
public class Llm {

    private final LlmProperties properties;
    private final UsageMeter meter;
    private final StreamingChatModel model;

    Llm(LlmProperties properties, ChatProperties chat) {
        this.properties = properties;
        this.meter = new UsageMeter(chat.inputPricePerMillion(), chat.outputPricePerMillion());
        this.model = properties.isConfigured() ? build(properties, meter) : null;
    }

    public boolean configured() {
        return model != null;
    }

    public String describe() {
        return properties.model() + " at " + properties.baseUrl();
    }

    /**
     * Streams one answer, blocking until it is complete; tokens go to {@code onToken} as they arrive.
     *
     * @throws LlmException when the endpoint fails or does not finish in time
     */
    public Reply stream(List<ChatMessage> messages, UUID turn, Consumer<String> onToken) {
        if (model == null) {
            throw new LlmException("No language model is configured");
        }
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        ChatRequestOptions options = ChatRequestOptions.builder()
                .addListenerAttribute(UsageMeter.TURN, turn)
                .build();
        model.chat(ChatRequest.builder().messages(messages).build(), options, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                onToken.accept(token);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return await(done);
    }

    /** The turn's token usage and cost; call once at the turn's end. */
    public TurnUsage usage(UUID turn) {
        return meter.take(turn);
    }

    private Reply await(CompletableFuture<ChatResponse> done) {
        try {
            ChatResponse response = done.get(properties.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            String text = response.aiMessage() == null || response.aiMessage().text() == null
                    ? ""
                    : response.aiMessage().text();
            return new Reply(text, response.finishReason() == FinishReason.LENGTH);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new LlmException(ModelFailures.describe(cause, properties.baseUrl(), properties.model()), cause);
        } catch (TimeoutException e) {
            throw new LlmException(
                    "The model did not answer within " + properties.timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("Interrupted", e);
        }
    }

    private static StreamingChatModel build(LlmProperties properties, UsageMeter meter) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey())
                .modelName(properties.model())
                .maxTokens(properties.maxTokens())
                .timeout(properties.timeout())
                .temperature(0.2)
                .listeners(List.of(meter))
                .build();
    }
}

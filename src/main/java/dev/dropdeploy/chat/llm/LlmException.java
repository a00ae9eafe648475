package dev.dropdeploy.chat.llm;

/** The model could not be reached or did not finish; the message is fit for the chat. */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}

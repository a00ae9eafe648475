package dev.dropdeploy.chat.turn;

/** What the chat says when no model is configured: how to configure one, and the ways in that need none. */
public final class NoModel {

    public static final String MESSAGE = """
            **No language model is configured, so I cannot write code yet.** To turn chat building on, set these \
            environment variables and restart DropDeploy (any OpenAI-compatible endpoint works: OpenAI, OpenRouter, \
            Ollama, vLLM, LM Studio):

            ```
            DROPDEPLOY_LLM_BASE_URL=https://api.openai.com/v1
            DROPDEPLOY_LLM_API_KEY=sk-...
            DROPDEPLOY_LLM_MODEL=gpt-4.1
            ```

            Meanwhile the other ways in work without a model: paste code, upload a zip, or import a Git repository \
            (`./dropdeploy deploy <folder>` from the command line, or the REST API), and "undo" / "go back to \
            version N" work here.""";

    private NoModel() {}
}

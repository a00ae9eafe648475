package dev.dropdeploy.chat.turn;

import dev.dropdeploy.chat.ChatProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.stereotype.Component;

/** The system prompt, read from the prompts folder on each turn so it can be tuned without a rebuild. */
@Component
class Prompts {

    static final String CONTINUE = "Your answer was cut off by the output limit. Continue exactly where it stopped, "
            + "mid-line if need be. Do not repeat anything already written and do not reopen a tag that is open.";

    private final ChatProperties properties;

    Prompts(ChatProperties properties) {
        this.properties = properties;
    }

    String system() {
        try {
            return Files.readString(properties.prompts().resolve("system.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The system prompt " + properties.prompts().resolve("system.md")
                            + " cannot be read; set dropdeploy.chat.prompts to the prompts folder",
                    e);
        }
    }
}

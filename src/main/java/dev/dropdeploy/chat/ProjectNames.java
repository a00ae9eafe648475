package dev.dropdeploy.chat;

import java.util.Locale;

/** A project name from a first request: "build me a mortgage calculator" becomes "mortgage calculator". */
final class ProjectNames {

    private static final int MAX_WORDS = 4;

    private ProjectNames() {}

    static String fromPrompt(String prompt) {
        String text = prompt.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]+", " ");
        text = text.replaceFirst(
                "^(please )?(can you |could you )?(build|make|create|write|generate|give)( me| us)?( an?| the| some)? ",
                "");
        text = text.replaceFirst(" (that|which|with|where|for|to) .*$", "");
        String[] words = text.strip().split("\\s+");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_WORDS, words.length); i++) {
            name.append(i == 0 ? "" : " ").append(words[i]);
        }
        return name.isEmpty() || name.toString().isBlank() ? "app" : name.toString();
    }
}

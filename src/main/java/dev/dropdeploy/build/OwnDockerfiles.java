package dev.dropdeploy.build;

import dev.dropdeploy.build.DockerfileInstructions.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vets a project's own Dockerfile before anything is built, and rewrites its base images to the catalog's. A tenant's
 * Dockerfile is hostile input: {@code FROM dd-app/<someone else>} would read another project's code, and {@code ADD
 * <url>} is fetched by the engine itself, on the host's network, past every firewall rule. Refusals name the line.
 */
final class OwnDockerfiles {

    private static final Pattern URL_SOURCE = Pattern.compile("^(?i)([a-z][a-z0-9+.-]*://|git@).*");
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FROM = Pattern.compile("(?i)^(\\S+)(?:\\s+as\\s+(\\S+))?\\s*$");

    /** The vetted Dockerfile: the text to build and what was changed, in plain words. */
    record Vetted(String dockerfile, List<String> notes) {}

    private final BaseImages baseImages;

    OwnDockerfiles(BaseImages baseImages) {
        this.baseImages = baseImages;
    }

    /** @throws BuildFailure naming the first line that is not allowed */
    Vetted vet(String text) {
        List<Instruction> instructions = DockerfileInstructions.parse(text);
        String[] lines = text.split("\r?\n", -1);
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<String> notes = new ArrayList<>();
        int stageCount = 0;
        for (Instruction instruction : instructions) {
            switch (instruction.keyword()) {
                case "ARG" -> {
                    if (stageCount == 0) {
                        globalArgs.putAll(argDefaults(instruction));
                    }
                }
                case "FROM" -> {
                    String rewritten = from(instruction, globalArgs, stages, notes);
                    replace(lines, instruction, rewritten);
                    stageCount++;
                }
                case "COPY", "ADD" -> {
                    refuseUrlSources(instruction);
                    String rewritten = copyFrom(instruction, stages, stageCount, notes);
                    if (rewritten != null) {
                        replace(lines, instruction, rewritten);
                    }
                }
                case "RUN" -> refuseRunFlags(instruction);
                case "ONBUILD" -> refuse(instruction, "ONBUILD is not allowed: its steps would run in another build");
                default -> {
                    // other instructions act inside the build's own container and are harmless here
                }
            }
        }
        if (stageCount == 0) {
            throw new BuildFailure("The project's Dockerfile has no FROM line", null, List.of());
        }
        return new Vetted(String.join("\n", lines), List.copyOf(notes));
    }

    private String from(Instruction instruction, Map<String, String> args, Set<String> stages, List<String> notes) {
        List<String> flags = instruction.flags();
        for (String flag : flags) {
            if (!flag.toLowerCase(Locale.ROOT).startsWith("--platform=")) {
                refuse(instruction, "FROM " + flag + " is not supported");
            }
        }
        Matcher m = FROM.matcher(String.join(" ", instruction.words()));
        if (!m.matches()) {
            refuse(instruction, "FROM must name one image, optionally followed by 'AS <stage>'");
        }
        String written = m.group(1);
        String image = expand(written, args, instruction);
        String stage = m.group(2);
        String base = stages.contains(image.toLowerCase(Locale.ROOT)) || image.equalsIgnoreCase("scratch")
                ? image
                : baseImage(instruction, image, notes);
        if (stage != null) {
            stages.add(stage.toLowerCase(Locale.ROOT));
        }
        return "FROM " + base + (stage == null ? "" : " AS " + stage);
    }

    /** {@code COPY --from=<stage|index|image>}: stages pass, images follow the FROM rule; null means unchanged. */
    private String copyFrom(Instruction instruction, Set<String> stages, int stageCount, List<String> notes) {
        List<String> flags = new ArrayList<>(instruction.flags());
        boolean changed = false;
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (!flag.toLowerCase(Locale.ROOT).startsWith("--from=")) {
                continue;
            }
            String source = flag.substring("--from=".length());
            if (source.contains("$")) {
                refuse(instruction, "COPY --from must name a stage or an image, not a variable");
            }
            if (stages.contains(source.toLowerCase(Locale.ROOT)) || isEarlierIndex(source, stageCount)) {
                continue;
            }
            flags.set(i, "--from=" + baseImage(instruction, source, notes));
            changed = true;
        }
        if (!changed) {
            return null;
        }
        return instruction.keyword() + " " + String.join(" ", flags) + " " + String.join(" ", instruction.words());
    }

    private String baseImage(Instruction instruction, String image, List<String> notes) {
        String catalogName = PublicBases.catalogName(image)
                .orElseThrow(() -> refusal(
                        instruction,
                        image
                                + (image.startsWith("dd-app/") ? " is another project's image" : " is not offered here")
                                + "; a Dockerfile may start from earlier stages and these base images: "
                                + PublicBases.offered()));
        String resolved = baseImages.resolve(catalogName);
        if (!resolved.equals(image)) {
            notes.add("%s: %s is built from %s (this installation's %s image)"
                    .formatted(capitalised(instruction.location()), image, resolved, catalogName));
        }
        return resolved;
    }

    private static boolean isEarlierIndex(String source, int stageCount) {
        return source.matches("\\d{1,3}") && Integer.parseInt(source) < stageCount;
    }

    private static void refuseUrlSources(Instruction instruction) {
        String arguments = instruction.arguments().strip();
        List<String> sources = arguments.startsWith("[")
                ? List.of(arguments.replaceAll("[\\[\\]\",]", " ").strip().split("\\s+"))
                : instruction.words();
        for (int i = 0; i < sources.size() - 1; i++) {
            if (URL_SOURCE.matcher(sources.get(i)).matches()) {
                refuse(
                        instruction,
                        instruction.keyword() + " from a URL is not allowed (the Docker engine would fetch it on the"
                                + " server's own network); download it in a RUN step with curl or wget instead");
            }
        }
    }

    private static void refuseRunFlags(Instruction instruction) {
        if (!instruction.flags().isEmpty()) {
            refuse(
                    instruction,
                    "RUN " + instruction.flags().getFirst()
                            + " is not supported (builds use the classic builder, without"
                            + " mounts or network options)");
        }
    }

    private static Map<String, String> argDefaults(Instruction instruction) {
        Map<String, String> defaults = new HashMap<>();
        for (String word : instruction.words()) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                defaults.put(word.substring(0, eq), word.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
        }
        return defaults;
    }

    /** Build arguments are never passed, so a FROM resolves with the ARG defaults alone. */
    private static String expand(String written, Map<String, String> args, Instruction instruction) {
        Matcher m = VARIABLE.matcher(written);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String value = value(args.get(name), m.group(2), m.group(3));
            if (value == null) {
                refuse(instruction, "FROM uses $" + name + ", which has no default in an ARG before the first FROM");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Shell-style {@code ${NAME:-word}} and {@code ${NAME:+word}}, as the engine expands them. */
    private static String value(String set, String operator, String word) {
        if (operator == null) {
            return set;
        }
        if (operator.endsWith("-")) {
            return set == null || set.isEmpty() && operator.startsWith(":") ? word : set;
        }
        return set == null || set.isEmpty() && operator.startsWith(":") ? "" : word;
    }

    /** Keeps every other line where it was, so the engine's line numbers still match the user's file. */
    private static void replace(String[] lines, Instruction instruction, String rewritten) {
        lines[instruction.firstLine() - 1] = rewritten;
        for (int i = instruction.firstLine(); i < instruction.lastLine(); i++) {
            lines[i] = "";
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void refuse(Instruction instruction, String reason) {
        throw refusal(instruction, reason);
    }

    private static BuildFailure refusal(Instruction instruction, String reason) {
        return new BuildFailure(
                "The project's Dockerfile cannot be built, " + instruction.location() + ": " + reason,
                instruction.keyword() + " " + instruction.arguments(),
                List.of());
    }
}

package dev.dropdeploy.build;

import dev.dropdeploy.build.DockerfileInstructions.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vets a project's own Dockerfile before anything is built, and rewrites its base images to the catalog's. A tenant's
 * Dockerfile is hostile input: {@code FROM dd-app/<someone else>} would read another project's code, and {@code ADD
 * <url>} is fetched by the engine itself, on the host's network, past every firewall rule. Refusals name the line.
 */
final class OwnDockerfiles {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FROM = Pattern.compile("(?i)^(\\S+)(?:\\s+as\\s+(\\S+))?\\s*$");
    private static final Pattern PLATFORM_FLAG = Pattern.compile("--platform=[A-Za-z0-9_./-]+");
    private static final Pattern COPY_FLAG = Pattern.compile("--(from|chown)=[A-Za-z0-9_.:/@-]+");
    /**
     * What may change an ADD source's meaning: the engine removes escapes and quotes and expands variables before it
     * decides that a source is a URL ({@code http:`/`/host} with the backtick escape), and a scheme needs a colon.
     */
    private static final Pattern MEANINGFUL = Pattern.compile("[\\\\`$'\":\\p{Cntrl}]");

    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    /** The vetted Dockerfile: the text to build and what was changed, in plain words. */
    record Vetted(String dockerfile, List<String> notes) {}

    private final BaseImages baseImages;

    OwnDockerfiles(BaseImages baseImages) {
        this.baseImages = baseImages;
    }

    /** @throws BuildFailure naming the first line that is not allowed */
    Vetted vet(String text) {
        DockerfileInstructions.Parsed parsed = DockerfileInstructions.read(text);
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<String> notes = new ArrayList<>();
        List<Instruction> vetted = new ArrayList<>();
        int stageCount = 0;
        for (Instruction instruction : parsed.instructions()) {
            DockerfileInstructions.ambiguity(instruction, parsed.escape()).ifPresent(why -> refuse(instruction, why));
            Instruction result = instruction;
            switch (instruction.keyword()) {
                case "ARG" -> {
                    if (stageCount == 0) {
                        globalArgs.putAll(argDefaults(instruction));
                    }
                }
                case "FROM" -> {
                    result = rewritten(instruction, from(instruction, globalArgs, stages, notes));
                    stageCount++;
                    Optional<String> setup = setupStep(instruction, globalArgs, stages);
                    if (setup.isPresent()) {
                        vetted.add(result);
                        result = new Instruction(instruction.firstLine(), instruction.lastLine(), "RUN", setup.get());
                        notes.add("%s: then RUN %s (what the named image has, from the npm registry)"
                                .formatted(capitalised(instruction.location()), setup.get()));
                    }
                }
                case "COPY", "ADD" -> {
                    refuseFlagsOtherThan(instruction, COPY_FLAG);
                    if (instruction.keyword().equals("ADD")) {
                        refuseRemoteSources(instruction);
                    }
                    String copy = copyFrom(instruction, stages, stageCount, notes);
                    result = copy == null ? instruction : rewritten(instruction, copy);
                }
                case "RUN" -> refuseRunFlags(instruction);
                case "ONBUILD" -> refuse(instruction, "ONBUILD is not allowed: its steps would run in another build");
                default -> {
                    // other instructions act inside the build's own container and are harmless here
                }
            }
            vetted.add(result);
        }
        if (stageCount == 0) {
            throw new BuildFailure("The project's Dockerfile has no FROM line", null, List.of());
        }
        // The engine gets the instructions as read here, so it cannot read the file differently from this check.
        String rendered = new DockerfileInstructions.Parsed(vetted, parsed.escape()).render();
        return new Vetted(rendered, List.copyOf(notes));
    }

    /** The step that gives the catalog image what the named one has (bun, say); empty for a stage or plain base. */
    private static Optional<String> setupStep(Instruction instruction, Map<String, String> args, Set<String> stages) {
        Matcher m = FROM.matcher(String.join(" ", instruction.words()));
        if (!m.matches()) {
            return Optional.empty();
        }
        String image = expand(m.group(1), args, instruction);
        return stages.contains(image.toLowerCase(Locale.ROOT)) ? Optional.empty() : PublicBases.setupStep(image);
    }

    private static Instruction rewritten(Instruction original, String text) {
        int space = text.indexOf(' ');
        return new Instruction(
                original.firstLine(), original.lastLine(), original.keyword(), text.substring(space + 1));
    }

    private String from(Instruction instruction, Map<String, String> args, Set<String> stages, List<String> notes) {
        List<String> flags = instruction.flags();
        for (String flag : flags) {
            if (!PLATFORM_FLAG.matcher(flag).matches()) {
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
            if (!STAGE_NAME.matcher(stage).matches()) {
                refuse(instruction, "'" + stage + "' is not a stage name (letters, digits, '.', '_' and '-')");
            }
            stages.add(stage.toLowerCase(Locale.ROOT));
        }
        String platform = flags.isEmpty() ? "" : String.join(" ", flags) + " ";
        return "FROM " + platform + base + (stage == null ? "" : " AS " + stage);
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
            if (PublicBases.setupStep(source).isPresent()) {
                // Its files exist only after the setup step a FROM gets; the catalog image alone does not hold them.
                refuse(
                        instruction,
                        "COPY --from=" + source + " cannot copy from this image here: it is rebuilt from"
                                + " this installation's image plus a setup step. Start a stage FROM " + source
                                + " AS tools and COPY --from=tools instead");
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
        if (image.startsWith("dd-app/")) {
            refuse(
                    instruction,
                    image + " is another project's image; a Dockerfile may start from earlier stages and these base"
                            + " images: " + PublicBases.offered());
        }
        String catalogName = PublicBases.catalogName(image)
                .orElseThrow(() -> new BaseImageUnavailable(
                        refusalMessage(
                                instruction,
                                PublicBases.whyUnavailable(image)
                                        .map(why -> image + " is not offered here (" + why + "); a Dockerfile may"
                                                + " start from earlier stages and these base images: "
                                                + PublicBases.offered())
                                        .orElseGet(() -> PublicBases.notOffered(image))),
                        instruction.keyword() + " " + instruction.arguments()));
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

    /**
     * The engine expands variables and removes quotes and escapes before it decides that a source is a URL, so any of
     * those in an ADD line is refused along with URLs themselves, in plain or JSON form.
     */
    private static void refuseRemoteSources(Instruction instruction) {
        String sources = String.join(" ", instruction.words()).strip();
        String lower = sources.toLowerCase(Locale.ROOT);
        if (lower.contains("://") || lower.contains("git@")) {
            refuse(
                    instruction,
                    "ADD from a URL is not allowed (the Docker engine would fetch it on the server's own network);"
                            + " download it in a RUN step with curl or wget instead");
        }
        boolean json = sources.startsWith("[") && sources.endsWith("]");
        List<String> paths =
                json ? List.of(sources.substring(1, sources.length() - 1).split(",")) : instruction.words();
        for (String written : paths) {
            String path = json ? written.strip().replaceAll("^\"(.*)\"$", "$1") : written;
            if (MEANINGFUL.matcher(path).find()) {
                refuse(
                        instruction,
                        "ADD takes plain local paths here (no escape characters, quotes, variables or colons): \""
                                + path + "\" is not one; use COPY for local files");
            }
        }
    }

    private static void refuseFlagsOtherThan(Instruction instruction, Pattern allowed) {
        for (String flag : instruction.flags()) {
            if (!allowed.matcher(flag).matches()) {
                refuse(
                        instruction,
                        instruction.keyword() + " " + flag + " is not supported (only --from=<stage or image> and"
                                + " --chown=<user>, written plainly)");
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

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void refuse(Instruction instruction, String reason) {
        throw refusal(instruction, reason);
    }

    private static BuildFailure refusal(Instruction instruction, String reason) {
        return new BuildFailure(
                refusalMessage(instruction, reason), instruction.keyword() + " " + instruction.arguments(), List.of());
    }

    private static String refusalMessage(Instruction instruction, String reason) {
        return "The project's Dockerfile cannot be built, " + instruction.location() + ": " + reason;
    }
}

package dev.dropdeploy.build;

import dev.dropdeploy.build.DockerfileInstructions.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The first file a Dockerfile copies from the build context that the project does not have. Such a Dockerfile fails
 * on any machine (a template's {@code COPY package-lock.json} in a project that has no lockfile), so it is no
 * statement of how the author builds the app. Sources the engine expands (wildcards, variables), URLs, other stages'
 * files and the JSON form are left to the engine.
 */
final class MissingCopySources {

    /** A source that is not there, and the instruction that names it. */
    record Missing(String source, Instruction instruction) {}

    private MissingCopySources() {}

    static Optional<Missing> first(List<Instruction> instructions, Path context) {
        Path root = context.toAbsolutePath().normalize();
        for (Instruction instruction : instructions) {
            if (!isContextCopy(instruction)) {
                continue;
            }
            List<String> words = instruction.words();
            for (String source : words.subList(0, words.size() - 1)) {
                if (checkable(source) && !inContext(root, source)) {
                    return Optional.of(new Missing(source, instruction));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isContextCopy(Instruction instruction) {
        boolean copy =
                instruction.keyword().equals("COPY") || instruction.keyword().equals("ADD");
        return copy
                && instruction.words().size() >= 2
                && !instruction.arguments().strip().startsWith("[")
                && !instruction.arguments().contains("<<")
                && instruction.flags().stream()
                        .noneMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("--from="));
    }

    private static boolean checkable(String source) {
        return !source.matches(".*[*?\\[$].*") && !source.contains("://") && !source.startsWith("git@");
    }

    /**
     * Whether the source is a file or folder the context will hold. Links count as missing (the context never carries
     * them), and so does anything a link leads out of the folder to: this check must not tell a hostile project whether
     * a path exists on DropDeploy's machine.
     */
    private static boolean inContext(Path root, String source) {
        Path path = resolve(root, source);
        try {
            return path.toRealPath().startsWith(root.toRealPath())
                    && (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                            || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false; // missing, or not readable: the engine would not get it either
        }
    }

    /**
     * Inside the context whatever the source says, as the engine reads it: a source is taken from the context's root
     * with {@code ..} unable to climb above it ({@code ../foo/bar} is the context's foo/bar, {@code ../..} its root).
     */
    private static Path resolve(Path root, String source) {
        Path top = Path.of("/");
        return root.resolve(top.relativize(top.resolve(source).normalize()));
    }
}

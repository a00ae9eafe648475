package dev.dropdeploy.chat.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which paths a model may write: relative, inside the project, never under {@code .git}. */
public final class ProjectPaths {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int MAX_LENGTH = 255;

    private ProjectPaths() {}

    /** The path in canonical form ({@code ./a//b} becomes {@code a/b}). */
    public static String normalise(String path) {
        return String.join(
                        "/",
                        path.replace('\\', '/')
                                .replaceAll("/+", "/")
                                .replaceAll("^(\\./)+", "")
                                .split("/"))
                .replaceAll("/\\./", "/");
    }

    /** Why the path is refused, or empty when it is fine. */
    public static Optional<String> problem(String path) {
        String p = path.strip();
        if (p.isEmpty() || p.length() > MAX_LENGTH || p.indexOf('\0') >= 0) {
            return Optional.of("\"" + p + "\" is not a usable file path");
        }
        if (p.startsWith("/")
                || p.startsWith("\\")
                || p.startsWith("~")
                || DRIVE.matcher(p).matches()) {
            return Optional.of("\"" + p + "\" is absolute; paths are relative to the project root");
        }
        for (String part : p.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                return Optional.of("\"" + p + "\" points outside the project");
            }
            if (part.equalsIgnoreCase(".git")) {
                return Optional.of("\"" + p + "\" is inside .git, which DropDeploy manages");
            }
        }
        return Optional.empty();
    }
}

package dev.dropdeploy.detect.scan;

/**
 * One regular file of the tree.
 *
 * @param path relative to the tree root, with {@code /} separators
 * @param executable whether the owner may execute it (wrappers such as {@code mvnw} need it)
 */
public record SourceFile(String path, long size, boolean executable) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public String extension() {
        String name = name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}

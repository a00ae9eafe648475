package dev.dropdeploy.data;

import java.util.Locale;

/** Sizes as people read them (0 KB, 12 MB, 1.5 GB): in quota messages and on the project page alike. */
public final class ReadableSize {

    private ReadableSize() {}

    public static String of(long bytes) {
        if (bytes < 1024L * 1024) {
            return (bytes / 1024) + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}

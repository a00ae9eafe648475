package dev.dropdeploy.runtime;

/**
 * The project's persistent folder, mounted at {@link #MOUNT} in every app container of the project ({@code DATA_DIR}
 * names it). Its volume is made on first use and handed to the container's user before the app starts.
 *
 * @param helperImage a catalog image with a shell and coreutils, run briefly as root to hand the folder over and to
 *     measure it; it never sees the network
 */
public record DataFolder(String helperImage) {

    public static final String MOUNT = "/data";
}

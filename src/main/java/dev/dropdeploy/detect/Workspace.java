package dev.dropdeploy.detect;

import java.util.List;

/**
 * The JavaScript workspace (npm, yarn or pnpm workspaces) a deployed app is a member of. Such an app is installed and
 * built from the workspace root, so its {@code workspace:} packages and the dependencies declared at the root resolve,
 * and then run in its own folder.
 *
 * @param root the workspace root, relative to the tree root ({@code ""} for the tree root)
 * @param member the app's folder relative to {@code root}
 * @param manifests the folders, relative to {@code root}, of every workspace package with a package.json (the
 *     member's included), whose manifests the cached install layer copies before the source
 */
public record Workspace(String root, String member, List<String> manifests) {

    public Workspace {
        manifests = List.copyOf(manifests);
    }
}

package dev.dropdeploy.detect;

import java.util.List;

/**
 * What an app needs in its image besides the language's base image: the package manager it asks for, and the
 * Debian packages its dependencies compile or link against (from the table in {@code detect.system.NativePackages}).
 *
 * @param packageManager the npm registry package that provides the app's package manager, with its version, for
 *     example {@code pnpm@9.15.0}, {@code yarn@1}, {@code @yarnpkg/cli-dist@4.5.3}, {@code bun@1.1.38}; {@code null}
 *     when the base image already has it (npm, pip)
 * @param buildPackages Debian packages the dependency install needs (compilers, headers); empty when none
 * @param runtimePackages Debian packages the running app needs (shared libraries); empty when none
 */
public record BuildNeeds(String packageManager, List<String> buildPackages, List<String> runtimePackages) {

    public static final BuildNeeds NONE = new BuildNeeds(null, List.of(), List.of());

    public BuildNeeds {
        buildPackages = buildPackages == null ? List.of() : List.copyOf(buildPackages);
        runtimePackages = runtimePackages == null ? List.of() : List.copyOf(runtimePackages);
    }

    /** A report stored before this field existed reads as {@code null}. */
    public static BuildNeeds of(BuildNeeds needs) {
        return needs == null ? NONE : needs;
    }
}

package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm, yarn (classic or berry), pnpm or bun: from {@code packageManager}, else from the lockfile, else npm without a
 * lockfile. Every manager but npm is installed from the npm registry at the version the project asks for ({@link
 * #npmPackage()}), never through corepack, whose downloads come from places builds here cannot reach.
 *
 * @param version the exact version from {@code packageManager}, else a major version read from the lockfile's
 *     format, else {@code null} (the default major of {@link #DEFAULT_MAJOR})
 * @param berry yarn 2 or later (a {@code .yarnrc.yml}, a berry lockfile, or {@code packageManager: yarn@2+})
 * @param plugAndPlay berry with {@code nodeLinker: pnp} stated in {@code .yarnrc.yml}; without it berry installs
 *     node_modules here, which every start command can use
 */
record PackageManager(
        String name, String version, boolean berry, boolean plugAndPlay, String lockfile, String source, int line) {

    private static final List<String[]> LOCKFILES = List.of(
            new String[] {"pnpm-lock.yaml", "pnpm"},
            new String[] {"yarn.lock", "yarn"},
            new String[] {"bun.lockb", "bun"},
            new String[] {"bun.lock", "bun"},
            new String[] {"package-lock.json", "npm"},
            new String[] {"npm-shrinkwrap.json", "npm"});

    /** Majors that run on the catalog's Node 20 when the project names no version. */
    private static final java.util.Map<String, String> DEFAULT_MAJOR =
            java.util.Map.of("pnpm", "9", "yarn", "1", "berry", "4", "bun", "1");

    private static final Pattern NODE_LINKER_PNP = Pattern.compile("(?m)^nodeLinker:\\s*[\"']?pnp");
    private static final Pattern DECLARED = Pattern.compile("^(@?[\\w.-]+)@(\\d[\\w.-]*)");
    private static final Pattern PNPM_LOCK_FORMAT = Pattern.compile("(?m)^lockfileVersion:\\s*'?(\\d+)\\.(\\d+)");
    private static final Pattern BERRY_LOCK_FORMAT = Pattern.compile("(?m)^__metadata:\\s*\\n\\s+version:\\s*(\\d+)");

    static PackageManager of(SourceTree tree, String dir, PackageJson pkg) {
        String lockfile = null;
        String fromLock = null;
        for (String[] candidate : LOCKFILES) {
            if (lockfile == null && tree.exists(SourceTree.join(dir, candidate[0]))) {
                lockfile = SourceTree.join(dir, candidate[0]);
                fromLock = candidate[1];
            }
        }
        String lockText = lockfile == null ? "" : tree.textOrEmpty(lockfile);
        String yarnrcText = tree.textOrEmpty(SourceTree.join(dir, ".yarnrc.yml"));
        boolean yarnrc = tree.exists(SourceTree.join(dir, ".yarnrc.yml"));
        // Only a project that asks for Plug'n'Play keeps it: start commands such as "node server.js" need node_modules.
        boolean pnp = NODE_LINKER_PNP.matcher(yarnrcText).find();
        String declared =
                pkg.packageManager() == null ? "" : pkg.packageManager().strip();
        if (!declared.isEmpty()) {
            Matcher m = DECLARED.matcher(declared);
            boolean versioned = m.find();
            String name = versioned ? m.group(1) : declared.split("@")[0];
            String version = versioned ? m.group(2) : null;
            boolean berry = name.equals("yarn") && (version != null ? !version.startsWith("1.") : yarnrc);
            return new PackageManager(name, version, berry, pnp, lockfile, pkg.path(), pkg.lineOf("packageManager"));
        }
        if (fromLock == null) {
            return new PackageManager("npm", null, false, false, null, pkg.path(), 0);
        }
        boolean berry = fromLock.equals("yarn") && (yarnrc || lockText.contains("__metadata:"));
        String version = majorFromLockfile(fromLock, berry, lockText);
        return new PackageManager(fromLock, version, berry, pnp, lockfile, lockfile, 0);
    }

    /** The lockfile's format tells which major wrote it; {@code null} when it does not. */
    private static String majorFromLockfile(String name, boolean berry, String lockText) {
        if (name.equals("pnpm")) {
            Matcher m = PNPM_LOCK_FORMAT.matcher(lockText);
            if (m.find()) {
                int format = Integer.parseInt(m.group(1));
                // 9.0 is written by pnpm 9 and 10, 6.x by pnpm 8, 5.4 by pnpm 7, older by pnpm 6.
                return format >= 9 ? "9" : format >= 6 ? "8" : m.group(2).equals("4") ? "7" : "6";
            }
        }
        if (berry) {
            Matcher m = BERRY_LOCK_FORMAT.matcher(lockText);
            if (m.find()) {
                int format = Integer.parseInt(m.group(1));
                // __metadata version 8 is yarn 4, 6 yarn 3, 4 and below yarn 2.
                return format >= 7 ? "4" : format >= 5 ? "3" : "2";
            }
        }
        return null;
    }

    /**
     * The npm registry package that provides this manager, with its version; {@code null} for npm, which every Node
     * image has. Berry is published as {@code @yarnpkg/cli-dist}; the {@code yarn} package is classic only.
     */
    String npmPackage() {
        if (name.equals("npm")) {
            return null;
        }
        String key = berry ? "berry" : name;
        String at = version != null ? version : DEFAULT_MAJOR.getOrDefault(key, "latest");
        return (berry ? "@yarnpkg/cli-dist" : name) + "@" + at;
    }

    String install() {
        boolean locked = lockfile != null;
        return switch (name) {
            case "pnpm" -> "pnpm install" + (locked ? " --frozen-lockfile" : "");
            // Berry keeps its cache inside the project so the runtime stage, which copies /app, has the packages.
            case "yarn" ->
                berry
                        ? "YARN_ENABLE_GLOBAL_CACHE=false" + (plugAndPlay ? "" : " YARN_NODE_LINKER=node-modules")
                                + " yarn install" + (locked ? " --immutable" : "")
                        : "yarn install" + (locked ? " --frozen-lockfile" : "");
            case "bun" -> "bun install" + (locked ? " --frozen-lockfile" : "");
            default -> locked ? "npm ci" : "npm install";
        };
    }

    /** Adds a development dependency in the build stage only, without touching the committed manifests' intent. */
    String addForBuild(String spec) {
        return switch (name) {
            case "pnpm" -> "pnpm add -D " + spec;
            case "yarn" ->
                berry
                        ? "YARN_ENABLE_GLOBAL_CACHE=false YARN_ENABLE_IMMUTABLE_INSTALLS=false"
                                + (plugAndPlay ? "" : " YARN_NODE_LINKER=node-modules") + " yarn add -D " + spec
                        : "yarn add -D " + spec;
            case "bun" -> "bun add -d " + spec;
            default -> "npm install --no-save " + spec;
        };
    }

    String run(String script) {
        return switch (name) {
            case "yarn" -> "yarn " + script;
            case "npm" -> "npm run " + script;
            default -> name + " run " + script;
        };
    }

    void describe(Proposal p) {
        String what = npmPackage() == null ? name : name + " (" + npmPackage() + " from the npm registry)";
        p.packageManager(name)
                .packageManagerPackage(npmPackage())
                .because(
                        "packageManager",
                        source,
                        line,
                        lockfile != null ? what + ", lockfile " + lockfile : what + ", declared or default");
        if (lockfile == null) {
            p.warn(
                    Codes.NO_LOCKFILE,
                    source,
                    0,
                    "No lockfile: dependency versions are resolved at build time and may"
                            + " differ between builds. Commit "
                            + (name.equals("npm") ? "package-lock.json" : "the lockfile")
                            + " for repeatable builds.");
        }
    }
}

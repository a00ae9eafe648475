package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;

/** npm, yarn, pnpm or bun: from {@code packageManager}, else from the lockfile, else npm without a lockfile. */
record PackageManager(String name, String lockfile, String source, int line) {

    private static final List<String[]> LOCKFILES = List.of(
            new String[] {"pnpm-lock.yaml", "pnpm"},
            new String[] {"yarn.lock", "yarn"},
            new String[] {"bun.lockb", "bun"},
            new String[] {"bun.lock", "bun"},
            new String[] {"package-lock.json", "npm"},
            new String[] {"npm-shrinkwrap.json", "npm"});

    static PackageManager of(SourceTree tree, String dir, PackageJson pkg) {
        String lockfile = null;
        String fromLock = null;
        for (String[] candidate : LOCKFILES) {
            if (lockfile == null && tree.exists(SourceTree.join(dir, candidate[0]))) {
                lockfile = SourceTree.join(dir, candidate[0]);
                fromLock = candidate[1];
            }
        }
        if (pkg.packageManager() != null && !pkg.packageManager().isBlank()) {
            String name = pkg.packageManager().split("@")[0];
            return new PackageManager(name, lockfile, pkg.path(), pkg.lineOf("packageManager"));
        }
        return fromLock != null
                ? new PackageManager(fromLock, lockfile, lockfile, 0)
                : new PackageManager("npm", null, pkg.path(), 0);
    }

    String install() {
        boolean locked = lockfile != null;
        return switch (name) {
            case "pnpm" -> "corepack enable && pnpm install" + (locked ? " --frozen-lockfile" : "");
            case "yarn" -> "corepack enable && yarn install" + (locked ? " --frozen-lockfile" : "");
            case "bun" -> "bun install" + (locked ? " --frozen-lockfile" : "");
            default -> locked ? "npm ci" : "npm install";
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
        p.packageManager(name)
                .because(
                        "packageManager",
                        source,
                        line,
                        lockfile != null ? name + " (lockfile " + lockfile + ")" : name + " (declared or default)");
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

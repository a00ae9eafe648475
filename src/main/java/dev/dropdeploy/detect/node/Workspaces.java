package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.Workspace;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm, yarn and pnpm workspaces: a member app built alone misses its {@code workspace:} packages (a 404 from the
 * registry) and the dependencies declared at the root. So a member is installed at the nearest enclosing root that
 * lists it (package.json {@code workspaces} or pnpm-workspace.yaml), built there with the member as the target (the
 * workspace packages it depends on first), and run in its own folder.
 */
final class Workspaces {

    /**
     * Folders that go into the generated Dockerfile's COPY lines and commands as they are: no spaces, quotes or shell
     * characters, and no part starting with '-' that COPY would read as a flag ({@code --from=another-image}).
     */
    private static final Pattern PLAIN_FOLDER =
            Pattern.compile("(?:[A-Za-z0-9._@+][A-Za-z0-9._@+-]*/)*[A-Za-z0-9._@+][A-Za-z0-9._@+-]*");

    private static final Pattern PNPM_ITEM = Pattern.compile("^\\s+-\\s*['\"]?([^'\"#]+?)['\"]?\\s*(#.*)?$");

    /**
     * The enclosing root: where it is, what it declares, every workspace package's folder by package name, and the
     * names of those with a build script.
     *
     * @param turbo Turborepo runs the builds: the root depends on turbo and has its turbo.json, without which it stops
     * @param pnpmLock the root's pnpm-lock.yaml, or empty
     */
    record Membership(
            String rootDir,
            PackageJson root,
            String member,
            Map<String, String> packages,
            Set<String> built,
            boolean turbo,
            String pnpmLock) {

        Workspace workspace() {
            return new Workspace(rootDir, member, List.copyOf(packages.values()));
        }
    }

    private Workspaces() {}

    /** The workspace that lists {@code dir} as a member, if any; the nearest root decides. */
    static Optional<Membership> of(SourceTree tree, String dir) {
        String parent = dir;
        while (!parent.isEmpty()) {
            int slash = parent.lastIndexOf('/');
            parent = slash < 0 ? "" : parent.substring(0, slash);
            List<String> globs = globs(tree, parent);
            if (!globs.isEmpty()) {
                String member = dir.substring(parent.isEmpty() ? 0 : parent.length() + 1);
                return matches(globs, member) && PLAIN_FOLDER.matcher(member).matches()
                        ? membership(tree, parent, member, globs)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Membership> membership(SourceTree tree, String root, String member, List<String> globs) {
        Optional<PackageJson> rootPkg = readQuietly(tree, root);
        if (rootPkg.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> packages = new LinkedHashMap<>();
        Set<String> built = new HashSet<>();
        for (SourceFile f : tree.filesUnder(root)) {
            String rel = root.isEmpty() || f.directory().equals(root)
                    ? f.directory()
                    : f.directory().substring(root.length() + 1);
            if (f.name().equals("package.json")
                    && !f.directory().equals(root)
                    && matches(globs, rel)
                    && PLAIN_FOLDER.matcher(rel).matches()) {
                readQuietly(tree, f.directory()).ifPresent(p -> {
                    String name = p.name().isEmpty() ? rel : p.name();
                    packages.put(name, rel);
                    if (p.scripts().containsKey("build")) {
                        built.add(name);
                    }
                });
            }
        }
        boolean turbo = rootPkg.get().has("turbo")
                && (tree.text(SourceTree.join(root, "turbo.json")).isPresent()
                        || tree.text(SourceTree.join(root, "turbo.jsonc")).isPresent());
        String pnpmLock = tree.textOrEmpty(SourceTree.join(root, "pnpm-lock.yaml"));
        return Optional.of(new Membership(root, rootPkg.get(), member, packages, built, turbo, pnpmLock));
    }

    /** Points the proposal at the root: install there, build the member and its workspace packages, run the member. */
    static void apply(Membership m, PackageJson member, PackageManager pm, Proposal p) {
        String build = p.buildCommand();
        if (build == null || build.equals(pm.run("build"))) {
            // The member's build (when it has one) with the workspace packages it needs built first.
            build = build == null && dependenciesBuilt(m, member).isEmpty() ? null : build(m, member, pm);
        } else {
            build = "cd " + m.member() + " && " + build;
        }
        p.workspace(m.workspace())
                .commands(install(m, member, pm, p), build, p.start())
                .because(
                        "workspace",
                        m.root().path(),
                        m.root().lineOf("workspaces"),
                        "a member of the workspace at " + (m.rootDir().isEmpty() ? "the root" : m.rootDir())
                                + ": installed there so its workspace packages and the root's dependencies"
                                + " resolve, built with " + m.member() + " as the target, run in " + m.member());
    }

    /**
     * pnpm 9 and later link a workspace package only for a {@code workspace:} range: a member naming one by a plain
     * range ({@code "ui": "*"}, which npm, yarn and earlier pnpm link) gets the registry's package of that name when
     * the registry has a newer one, and its lockfile records that. The workspace package is what such a member means,
     * so pnpm is told to link and prefer workspace packages, and a lockfile that recorded the registry's packages
     * instead is not used (a lockfile that links them is).
     */
    private static String install(Membership m, PackageJson member, PackageManager pm, Proposal p) {
        if (!pm.name().equals("pnpm")) {
            return pm.install();
        }
        Map<String, String> declared = new LinkedHashMap<>(member.devDependencies());
        declared.putAll(member.dependencies());
        List<String> plain = declared.entrySet().stream()
                .filter(d ->
                        m.packages().containsKey(d.getKey()) && !d.getValue().startsWith("workspace:"))
                .map(Map.Entry::getKey)
                .filter(name -> !linkedInLockfile(m, name))
                .toList();
        if (plain.isEmpty()) {
            return pm.install();
        }
        p.because(
                "install",
                member.path(),
                member.lineOf(plain.getFirst()),
                String.join(", ", plain) + " name packages of the workspace without workspace:, which pnpm would take"
                        + " from the registry instead: installed preferring the workspace's packages, as npm and yarn"
                        + " do, without the lockfile that recorded the registry's");
        return "pnpm install --config.link-workspace-packages=true --config.prefer-workspace-packages=true"
                + " --no-lockfile";
    }

    /**
     * Whether the lockfile already links {@code name} to the workspace ({@code version: link:../ui}) for this member:
     * only its own importer block counts, since another member may link the package while this one recorded the
     * registry's.
     */
    private static boolean linkedInLockfile(Membership m, String name) {
        Matcher importer = Pattern.compile(
                        "(?ms)^  ['\"]?" + Pattern.quote(m.member()) + "['\"]?:[ \t]*\n(.*?)(?=^ {0,2}\\S|\\z)")
                .matcher(m.pnpmLock().replace("\r\n", "\n"));
        return importer.find()
                && Pattern.compile("(?m)^\\s+['\"]?" + Pattern.quote(name)
                                + "['\"]?:\\s*\\n\\s+specifier:.*\\n\\s+version: link:")
                        .matcher(importer.group(1))
                        .find();
    }

    private static String build(Membership m, PackageJson member, PackageManager pm) {
        String name = member.name().isEmpty() ? m.member() : member.name();
        if (m.turbo()) {
            boolean check =
                    ServerFrameworks.major(m.root(), "turbo") >= 2 && m.root().packageManager() == null;
            return "TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=" + name + "..."
                    + (check ? " --dangerously-disable-package-manager-check" : "");
        }
        return switch (pm.name()) {
            case "pnpm" -> "pnpm --filter \"" + name + "...\" run build";
            case "yarn" ->
                pm.berry()
                        ? "yarn workspaces foreach --recursive --topological --from " + name + " run build"
                        : inOrder(m, member, pm);
            default -> inOrder(m, member, pm);
        };
    }

    /** The workspace packages the member depends on that have a build, then the member when it has one. */
    private static String inOrder(Membership m, PackageJson member, PackageManager pm) {
        List<String> steps = new ArrayList<>();
        dependenciesBuilt(m, member).forEach(dir -> steps.add(runIn(pm, dir)));
        if (member.scripts().containsKey("build")) {
            steps.add(runIn(pm, m.member()));
        }
        return String.join(" && ", steps);
    }

    /** Folders of the workspace packages the member depends on directly that have a build script. */
    private static List<String> dependenciesBuilt(Membership m, PackageJson member) {
        Map<String, String> deps = new LinkedHashMap<>(member.dependencies());
        deps.putAll(member.devDependencies());
        return deps.keySet().stream()
                .filter(m.built()::contains)
                .map(m.packages()::get)
                .filter(dir -> !dir.equals(m.member()))
                .toList();
    }

    private static String runIn(PackageManager pm, String dir) {
        return switch (pm.name()) {
            case "yarn" -> "yarn --cwd " + dir + " run build";
            case "bun" -> "bun run --cwd " + dir + " build";
            default -> "npm run build -w " + dir;
        };
    }

    private static List<String> globs(SourceTree tree, String dir) {
        List<String> out = new ArrayList<>(
                readQuietly(tree, dir).map(PackageJson::workspaces).orElse(List.of()));
        boolean inPackages = false;
        for (String line :
                tree.textOrEmpty(SourceTree.join(dir, "pnpm-workspace.yaml")).split("\n")) {
            if (!line.startsWith(" ") && !line.startsWith("-")) {
                inPackages = line.startsWith("packages:");
                continue;
            }
            Matcher item = PNPM_ITEM.matcher(line);
            if (inPackages && item.matches()) {
                out.add(item.group(1));
            }
        }
        return out;
    }

    /** Whether a folder is a member: some glob includes it and no {@code !glob} excludes it. */
    static boolean matches(List<String> globs, String folder) {
        boolean in = false;
        for (String glob : globs) {
            boolean negated = glob.startsWith("!");
            String g = glob.replaceFirst("^!", "").replaceFirst("^\\./", "").replaceFirst("/+$", "");
            if (folder.matches(toRegex(g))) {
                in = !negated;
            }
        }
        return in;
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        for (String part : glob.split("(?=\\*)|(?<=\\*)")) {
            out.append(part.equals("*") ? "[^/]*" : Pattern.quote(part));
        }
        return out.toString().replace("[^/]*[^/]*", ".*");
    }

    private static Optional<PackageJson> readQuietly(SourceTree tree, String dir) {
        try {
            return PackageJson.read(tree, dir);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

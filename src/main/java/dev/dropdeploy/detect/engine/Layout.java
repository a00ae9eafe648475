package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Set;
import java.util.TreeSet;

/** Where apps may live in a tree: the unwrapped root and every folder that holds a manifest. */
final class Layout {

    /** Manifests: a folder holding one is an app of its own (a monorepo member). */
    static final Set<String> MANIFESTS = Set.of(
            "package.json",
            "requirements.txt",
            "pyproject.toml",
            "Pipfile",
            "manage.py",
            "pom.xml",
            "build.gradle",
            "build.gradle.kts",
            "go.mod",
            "composer.json",
            "Dockerfile",
            "Procfile");

    /** Entry files: an app only where no enclosing folder has a manifest (else they are that app's sources). */
    static final Set<String> ENTRY_FILES = Set.of("index.html", "index.php", "main.py", "app.py");

    /** Files a zip tool or an OS adds next to the real folder; they do not count against unwrapping. */
    private static final Set<String> NOISE = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    private static final int MAX_MEMBER_DEPTH = 3;

    /** Bounds the analysis of a tree full of manifests (a vendored monorepo) to the shallowest folders. */
    private static final int MAX_CANDIDATES = 40;

    private Layout() {}

    /** Steps into a single top-level folder (a zip's wrapper), repeatedly, when nothing else sits beside it. */
    static String unwrap(SourceTree tree) {
        String base = "";
        while (true) {
            Set<String> childDirs = new TreeSet<>();
            boolean hasFiles = false;
            String prefix = base.isEmpty() ? "" : base + "/";
            for (SourceFile f : tree.filesUnder(base)) {
                String rest = f.path().substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    hasFiles |= !NOISE.contains(rest);
                } else {
                    childDirs.add(rest.substring(0, slash));
                }
            }
            if (hasFiles || childDirs.size() != 1) {
                return base;
            }
            base = prefix + childDirs.iterator().next();
        }
    }

    /** The base plus every folder below it (bounded depth) that holds a marker file, in a stable order. */
    static Set<String> candidateDirs(SourceTree tree, String base) {
        Set<String> dirs = new TreeSet<>();
        dirs.add(base);
        int baseDepth = depth(base);
        Set<String> manifestDirs = new TreeSet<>();
        for (SourceFile f : tree.filesUnder(base)) {
            if (MANIFESTS.contains(f.name())) {
                manifestDirs.add(f.directory());
            }
        }
        for (SourceFile f : tree.filesUnder(base)) {
            String dir = f.directory();
            boolean member = MANIFESTS.contains(f.name())
                    || ENTRY_FILES.contains(f.name()) && !insideManifestDir(dir, base, manifestDirs);
            if (member && depth(dir) - baseDepth <= MAX_MEMBER_DEPTH && !isTestOrDoc(dir)) {
                dirs.add(dir);
            }
        }
        return dirs.stream()
                .sorted(java.util.Comparator.comparingInt(Layout::depth).thenComparing(d -> d))
                .limit(MAX_CANDIDATES)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static boolean insideManifestDir(String dir, String base, Set<String> manifestDirs) {
        String d = dir;
        while (!d.equals(base) && !d.isEmpty()) {
            int slash = d.lastIndexOf('/');
            d = slash < 0 ? "" : d.substring(0, slash);
            if (manifestDirs.contains(d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTestOrDoc(String dir) {
        return dir.matches("(?:.*/)?(?:tests?|docs?|examples?|fixtures?|src/main/resources|src/test)(?:/.*)?");
    }

    static int depth(String dir) {
        return dir.isEmpty() ? 0 : (int) dir.chars().filter(c -> c == '/').count() + 1;
    }
}

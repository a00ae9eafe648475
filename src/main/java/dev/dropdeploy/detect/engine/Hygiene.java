package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Upload hygiene that applies whatever the stack: secrets, bundled dependencies, broken build wrappers. */
final class Hygiene {

    private static final Set<String> DEPENDENCY_DIRS = Set.of("node_modules", "target", ".venv", "venv");
    private static final Set<String> WRAPPERS = Set.of("mvnw", "gradlew");

    private Hygiene() {}

    static List<DetectionWarning> check(SourceTree tree, String appDir) {
        List<DetectionWarning> out = new ArrayList<>();
        for (SourceFile f : tree.files()) {
            if (f.name().matches("\\.env(\\.[\\w-]+)?") && !f.name().matches(".*\\.(example|sample|template|dist)")) {
                out.add(new DetectionWarning(
                        Codes.COMMITTED_ENV,
                        f.path(),
                        0,
                        f.name() + " is part of the upload; it is kept out of the image. Put secrets in the"
                                + " project's environment settings instead."));
            }
        }
        for (String dir : tree.skippedDirs()) {
            String name = dir.substring(dir.lastIndexOf('/') + 1);
            if (DEPENDENCY_DIRS.contains(name)) {
                out.add(new DetectionWarning(
                        Codes.DEPENDENCIES_UPLOADED,
                        dir,
                        0,
                        dir + " was uploaded; it is ignored and rebuilt from the manifests. Leave it out next time"
                                + " to upload faster."));
            }
        }
        for (SourceFile f : tree.filesIn(appDir)) {
            if (WRAPPERS.contains(f.name())) {
                checkWrapper(tree, f, out);
            }
        }
        return out;
    }

    private static void checkWrapper(SourceTree tree, SourceFile wrapper, List<DetectionWarning> out) {
        if (tree.textOrEmpty(wrapper.path()).contains("\r\n")) {
            out.add(new DetectionWarning(
                    Codes.CRLF_WRAPPER,
                    wrapper.path(),
                    1,
                    wrapper.name() + " has Windows (CRLF) line endings and would fail with 'bad interpreter';"
                            + " the build converts it, but save it with LF endings."));
        }
        if (!wrapper.executable()) {
            out.add(new DetectionWarning(
                    Codes.NOT_EXECUTABLE,
                    wrapper.path(),
                    0,
                    wrapper.name() + " is not executable; the build runs it with 'sh', but"
                            + " 'git update-index --chmod=+x " + wrapper.name() + "' fixes it for good."));
        }
    }
}

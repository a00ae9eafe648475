package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The module path for Go code that came without go.mod. Code cut from a larger module imports its own packages by
 * the module's path ({@code github.com/x/examples/group-routes/routes} for the folder's {@code routes/}); that path,
 * minus the folder, is the module the code was written in, so its own imports resolve here and are not fetched from
 * the proxy. Code that imports none of its own packages gets {@code app}, as {@code go mod init app} would.
 */
final class GoModulePath {

    static final String DEFAULT = "app";
    private static final Pattern IMPORT = Pattern.compile("\"([\\w.\\-~]+(?:/[\\w.\\-~]+)+)\"");

    private GoModulePath() {}

    static String of(SourceTree tree, String dir) {
        Set<String> packageDirs = tree.filesUnder(dir).stream()
                .filter(f -> f.extension().equals("go"))
                .map(SourceFile::directory)
                .filter(d -> !d.equals(dir))
                .map(d -> dir.isEmpty() ? d : d.substring(dir.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        for (SourceFile f : tree.filesUnder(dir)) {
            if (!f.extension().equals("go")) {
                continue;
            }
            Matcher m = IMPORT.matcher(importBlock(tree.textOrEmpty(f.path())));
            while (m.find()) {
                Optional<String> module = ownModule(m.group(1), packageDirs);
                if (module.isPresent()) {
                    return module.get();
                }
            }
        }
        return DEFAULT;
    }

    /** {@code example.com/m/routes} with a local {@code routes/} folder: the module is {@code example.com/m}. */
    private static Optional<String> ownModule(String importPath, Set<String> packageDirs) {
        for (String local : packageDirs) {
            String suffix = "/" + local;
            if (importPath.endsWith(suffix) && importPath.length() > suffix.length()) {
                String module = importPath.substring(0, importPath.length() - suffix.length());
                return module.contains(".") || module.contains("/") ? Optional.of(module) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String importBlock(String source) {
        int start = source.indexOf("import");
        if (start < 0) {
            return "";
        }
        int end = source.indexOf("\nfunc ", start);
        return source.substring(start, end < 0 ? source.length() : end);
    }
}

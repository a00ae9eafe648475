package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PHP served by PHP's own server from the document root (public/ when the app has one). */
public final class PhpAnalyzer implements Analyzer {

    private static final Pattern PHP_VERSION = Pattern.compile("\"php\"\\s*:\\s*\"[^\"0-9]*(\\d+\\.\\d+)");

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        String composer = SourceTree.join(dir, "composer.json");
        boolean publicRoot = tree.exists(SourceTree.join(dir, "public/index.php"));
        boolean rootIndex = tree.exists(SourceTree.join(dir, "index.php"));
        if (!publicRoot && !rootIndex && !tree.exists(composer)) {
            return List.of();
        }
        String docroot = publicRoot ? "public" : ".";
        boolean laravel = tree.exists(SourceTree.join(dir, "artisan"));
        String index = SourceTree.join(dir, publicRoot ? "public/index.php" : "index.php");
        Kind kind = publicRoot || rootIndex ? Kind.PHP_SITE : Kind.START_SCRIPT;
        Proposal p = new Proposal(
                        Stack.PHP,
                        laravel ? "laravel" : "php",
                        dir,
                        kind,
                        "PHP app: " + (tree.exists(index) ? index : composer) + " served by PHP on $PORT")
                .healthPath("/")
                .because("entrypoint", tree.exists(index) ? index : composer, 0, "document root is " + docroot);
        String install = null;
        if (tree.exists(composer)) {
            install = "composer install --no-dev --no-interaction --prefer-dist --optimize-autoloader";
            p.packageManager("composer");
            if (!tree.exists(SourceTree.join(dir, "composer.lock"))) {
                p.warn(
                        Codes.NO_LOCKFILE,
                        composer,
                        0,
                        "No composer.lock: dependency versions are resolved at build time and may differ between builds.");
            }
            Matcher m = PHP_VERSION.matcher(tree.textOrEmpty(composer));
            if (m.find()) {
                p.runtimeVersion(m.group(1))
                        .because("runtimeVersion", composer, 0, "require.php asks for " + m.group(1));
            }
        }
        return List.of(p.entrypoint(docroot).commands(install, null, "php -S 0.0.0.0:$PORT -t " + docroot));
    }
}

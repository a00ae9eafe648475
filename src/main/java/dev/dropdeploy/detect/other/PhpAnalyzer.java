package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PHP served by PHP's own server from the document root (public/ when the app has one). */
public final class PhpAnalyzer implements Analyzer {

    private static final Pattern CLI_INPUT = Pattern.compile("\\$argv\\b|\\bSTDIN\\b|\\breadline\\s*\\(|php://stdin");
    /** A package requirement ({@code "slim/slim": "^4.0"}), not the platform ({@code php}, {@code ext-intl}). */
    private static final Pattern PACKAGE_REQUIREMENT =
            Pattern.compile("\"require\"\\s*:\\s*\\{[^}]*\"[a-z0-9_.-]+/[a-z0-9_.-]+\"\\s*:");

    private static final Pattern PHP_VERSION = Pattern.compile("\"php\"\\s*:\\s*\"[^\"0-9]*(\\d+\\.\\d+)");

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        String composer = SourceTree.join(dir, "composer.json");
        boolean publicRoot = tree.exists(SourceTree.join(dir, "public/index.php"));
        boolean rootIndex = tree.exists(SourceTree.join(dir, "index.php"));
        if (!publicRoot && !rootIndex && !tree.exists(composer)) {
            return script(tree, dir);
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
            vendor(tree, dir, composer, p);
            Matcher m = PHP_VERSION.matcher(tree.textOrEmpty(composer));
            if (m.find()) {
                p.runtimeVersion(m.group(1))
                        .because("runtimeVersion", composer, 0, "require.php asks for " + m.group(1));
            }
        }
        return List.of(p.entrypoint(docroot).commands(install, null, "php -S 0.0.0.0:$PORT -t " + docroot));
    }

    /**
     * Composer downloads packages from packagist.org and GitHub, which builds here cannot reach (no registry of the
     * ones this server reaches mirrors them), so an app that requires packages must bring vendor/ along.
     */
    private static void vendor(SourceTree tree, String dir, String composer, Proposal p) {
        String text = tree.textOrEmpty(composer);
        if (PACKAGE_REQUIREMENT.matcher(text).find() && !tree.exists(SourceTree.join(dir, "vendor/autoload.php"))) {
            p.warn(
                    Codes.COMPOSER_VENDOR_MISSING,
                    composer,
                    SourceTree.lineAt(text, text.indexOf("\"require\"")),
                    "composer.json requires packages, but vendor/ is not here; Composer downloads them from"
                            + " packagist.org and GitHub, which this server cannot reach (it reaches only the package"
                            + " registries, not the rest of the internet). Run composer install on your machine and"
                            + " deploy with the vendor/ folder.");
        }
    }

    /**
     * PHP files with no index page and no Composer: a command-line script when one of them reads its arguments or
     * standard input (it gets a run page); pages meant for a browser have an index.php.
     */
    private static List<Proposal> script(SourceTree tree, String dir) {
        return tree.filesIn(dir).stream()
                .filter(f -> f.name().endsWith(".php"))
                .filter(f -> CLI_INPUT.matcher(tree.textOrEmpty(f.path())).find())
                .sorted(Comparator.comparing(SourceFile::path))
                .findFirst()
                .map(f -> List.of(new Proposal(Stack.PHP, "php-cli", dir, Kind.SCRIPT, "PHP script " + f.name())
                        .entrypoint(f.name())
                        .commands(null, null, "php " + f.name())
                        .notWeb()
                        .because("webServer", f.path(), 0, "reads $argv or STDIN and has no index.php")))
                .orElse(List.of());
    }
}

package dev.dropdeploy.deploy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the real error line of a failed build means, in words a person can act on. Each rule reads what a package
 * manager or compiler prints (npm, pnpm, yarn, pip, gcc), so it holds for code nobody here has seen; the first rule,
 * in the order of {@link #RULES}, whose pattern matches the latest line wins.
 */
final class BuildCauses {

    /** Hosts builds can reach; a failed fetch from any other host is this server's missing internet. */
    private static final Set<String> REGISTRIES = Set.of(
            "registry.npmjs.org",
            "registry.yarnpkg.com",
            "pypi.org",
            "files.pythonhosted.org",
            "repo.maven.apache.org",
            "repo1.maven.org",
            "proxy.golang.org",
            "sum.golang.org",
            "deb.debian.org",
            "index.crates.io",
            "static.crates.io");

    /** What to do instead, for hosts whose downloads a build cannot do without. */
    private static final java.util.Map<String, String> HOST_HINTS = java.util.Map.of(
            "services.gradle.org",
            "The Gradle wrapper downloads Gradle itself from there, so Gradle projects cannot be built on this"
                    + " server: build with Maven (a pom.xml) instead.");

    private static final String NO_INTERNET = "this server reaches only the package registries (npm, PyPI, Maven"
            + " Central, the Go proxy, crates.io and Debian), not the rest of the internet";

    private static final String PEER_CONFLICT = "The packages in package.json ask for versions of a shared (peer)"
            + " dependency that do not fit together, so npm would not install them. Align the versions the error"
            + " names, or add legacy-peer-deps=true to an .npmrc file in the project to install them as npm 6 did.";

    /** An error line of npm, yarn (classic or berry) or pnpm; group 1 is what it says. */
    private static final Pattern PACKAGE_MANAGER_ERROR =
            Pattern.compile("^\\s*(?:npm ERR!|npm error|error|ERR_PNPM_\\w+|\\S*YN0\\d+:\\s*[│|]?)\\s+(.+)$");

    /** Package-manager lines that accompany every failure and say nothing about this one. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)^(?:code \\w+|errno|A complete log|Log files were not written|You can rerun|Verbose|Command failed"
                    + "|info Visit|during build:?$|This error happened while|\\S+ \\S+ (?:install|build): `|Failed at the|Exit status"
                    + "|/\\S+$|[\\w-]+$|\\s*$)");

    private record Rule(Pattern pattern, Function<Matcher, Optional<String>> explain) {}

    private static final List<Rule> RULES = List.of(
            // A generated Dockerfile that stops on purpose says why itself (templates/php.dockerfile.mustache).
            new Rule(
                    Pattern.compile("^dropdeploy: (.+)"),
                    m -> Optional.of(m.group(1).strip())),
            // templates/python/dropdeploy_pins.py already words its verdict (never its "retrying" progress line).
            new Rule(
                    Pattern.compile("dropdeploy-pins: ((?!.*retrying with).*(?:cannot be installed|still fails).*)"),
                    m -> Optional.of(m.group(1).strip())),
            new Rule(Pattern.compile("(fonts\\.(?:googleapis|gstatic)\\.com)"), m -> Optional.of(fonts(m.group(1)))),
            new Rule(
                    Pattern.compile("(?i)Unsupported URL Type \"workspace:\"|\"(@?[^\"@\\s]+)@workspace:[^\"]*\" is in"
                            + " the dependencies but no package"),
                    m -> Optional.of(workspacePackage(m.group(1)))),
            new Rule(
                    Pattern.compile("'(@?[^'@\\s]+)@[^']*' is not in (?:this|the npm) registry"),
                    m -> Optional.of(notInRegistry(m.group(1)))),
            new Rule(
                    Pattern.compile("(?i)404\\b.*?GET https?://[^/\\s]+/((?:@|%40)?[^/\\s:]+?(?:%2[fF][^/\\s:]+)?)"
                            + "(?:[/:\\s]|$)"),
                    m -> Optional.of(notInRegistry(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)))),
            new Rule(
                    Pattern.compile("No matching version found for (@?[^@\\s]+)@(\\S+?)\\.?$"),
                    m -> Optional.of(noMatchingVersion(m.group(1), m.group(2)))),
            new Rule(
                    Pattern.compile("Couldn't find any versions for \"(@?[^\"]+)\" that matches \"([^\"]+)\""),
                    m -> Optional.of(noMatchingVersion(m.group(1), m.group(2)))),
            new Rule(
                    Pattern.compile("The engine \"(\\w+)\" is incompatible with this module\\. Expected version"
                            + " \"([^\"]+)\"\\. Got \"([^\"]+)\""),
                    m -> Optional.of(engine(m.group(1), m.group(2), m.group(3)))),
            new Rule(
                    Pattern.compile("(?:npm ERR!|npm error) (?:code )?ERESOLVE|ERR_PNPM_PEER_DEP_ISSUES"),
                    m -> Optional.of(PEER_CONFLICT)),
            new Rule(Pattern.compile("No matching distribution found for ([^\\s;]+)"), m -> Optional.of(noWheel(m))),
            new Rule(
                    Pattern.compile(
                            "(pg_config|mysql_config) executable not found|(pg_config|mysql_config): not found"),
                    m -> Optional.of(clientLibrary(m.group(1) != null ? m.group(1) : m.group(2)))),
            new Rule(
                    Pattern.compile("fatal error: ([\\w./+-]+\\.h): No such file or directory"),
                    m -> Optional.of(missingHeader(m.group(1)))),
            // Hugo names a removed built-in template however it fails: "no such template", "not found", "not defined".
            new Rule(Pattern.compile("\"(_internal/[\\w./-]+\\.html)\""), m -> Optional.of(hugoInternal(m.group(1)))),
            new Rule(
                    Pattern.compile("(?i)(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|Could not resolve host:?|"
                            + "UnknownHostException:?|"
                            + "Failed to fetch|failed to connect to|Name or service not known)\\D*?"
                            + "(?:https?://)?([a-z0-9-]+(?:\\.[a-z0-9-]+)+)"),
                    m -> unreachable(m.group(1))),
            new Rule(
                    Pattern.compile("(?i)https?://([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\S*.*?(?:failed|ENOTFOUND|ETIMEDOUT)"),
                    m -> unreachable(m.group(1))),
            // Last: any error line of a package manager that no rule above explains, shown as it is.
            new Rule(PACKAGE_MANAGER_ERROR, m -> packageManagerError(m.group(1))));

    private BuildCauses() {}

    /** What a failed build's output means, and the line that says so. */
    record Cause(String reason, String line) {}

    /** The first explained line, read from the end of the build's output, as rules are listed. */
    static Optional<Cause> explain(List<String> lines) {
        for (Rule rule : RULES) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = rule.pattern().matcher(lines.get(i));
                if (m.find()) {
                    Optional<String> reason = rule.explain().apply(m);
                    if (reason.isPresent()) {
                        return Optional.of(new Cause(reason.get(), lines.get(i).strip()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String hugoInternal(String template) {
        return "The site's theme uses Hugo's built-in template " + template + ", which newer Hugo releases removed,"
                + " and the build runs a newer Hugo. Update the theme to a release made for current Hugo, or replace"
                + " that template call in the theme's layouts.";
    }

    private static String fonts(String host) {
        return "The build downloads fonts from " + host + ", which this server cannot reach: " + NO_INTERNET
                + ". Use next/font/local with the font files in the project, or system fonts.";
    }

    private static String workspacePackage(String name) {
        return (name == null ? "A dependency" : "The package " + name) + " is a workspace package (workspace:"
                + " protocol) of a monorepo, so no registry has it: deploy the whole repository, from the workspace"
                + " root, so the member app is built together with the packages it uses.";
    }

    private static String notInRegistry(String name) {
        if (name.startsWith("@repo/") || name.startsWith("@workspace/")) {
            return workspacePackage(name);
        }
        return "The package " + name + " is not in the npm registry. Check its name and version in package.json; if"
                + " it is a package of your own monorepo (a workspace package), deploy the whole repository from its"
                + " root; a private package cannot be installed here.";
    }

    private static String noMatchingVersion(String name, String range) {
        return "The npm registry has no version of " + name + " that matches " + range + " (in package.json or"
                + " the lockfile). Check the version: it may not be published yet, or it was withdrawn.";
    }

    private static String engine(String engine, String wanted, String got) {
        return "A dependency needs " + engine + " " + wanted + ", and this server builds with " + engine + " " + got
                + ". Use a version of that package that supports " + engine + " " + got + ".";
    }

    private static Optional<String> packageManagerError(String said) {
        return BOILERPLATE.matcher(said).find()
                ? Optional.empty()
                : Optional.of("The package manager (or the build tool it ran) stopped with this error.");
    }

    private static String noWheel(Matcher m) {
        return "pip found no version of " + m.group(1) + " that installs here (Python 3.13 on Linux x86_64). Check"
                + " the name and the version pin in requirements.txt: the version may not exist, or not for this"
                + " Python; packages from a private index cannot be installed.";
    }

    private static String clientLibrary(String tool) {
        String db = tool.startsWith("pg") ? "PostgreSQL" : "MySQL";
        return "A Python package compiles against " + db + "'s client library (" + tool + " is missing). DropDeploy"
                + " installs that library when requirements.txt or pyproject.toml name the package (its native"
                + " dependencies table); name it there, or use the prebuilt variant (psycopg2-binary, PyMySQL).";
    }

    private static String missingHeader(String header) {
        return "A dependency compiles C code and needs " + header + ", which no installed system package provides."
                + " Use a version of the package with prebuilt binaries for this platform, or ask your DropDeploy"
                + " administrator to add it to the native dependencies table (detect.system.NativePackages).";
    }

    private static Optional<String> unreachable(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (REGISTRIES.contains(h) || !h.matches(".*[a-z].*\\.[a-z]{2,}")) {
            return Optional.empty();
        }
        return Optional.of("The build downloads from " + h + ", which this server cannot reach: " + NO_INTERNET + ". "
                + HOST_HINTS.getOrDefault(h, "Put the file in the project, or fetch it when the app runs."));
    }
}

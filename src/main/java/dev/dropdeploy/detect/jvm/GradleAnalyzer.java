package dev.dropdeploy.detect.jvm;

import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gradle builds, with or without a wrapper (AI-written projects often ship none). */
public final class GradleAnalyzer implements Analyzer {

    private static final Pattern BOOT_PLUGIN = Pattern.compile("org\\.springframework\\.boot['\"]");
    private static final Pattern INCLUDE = Pattern.compile("['\"]:?([\\w.-]+)['\"]");
    private static final Pattern V1 = Pattern.compile("JavaLanguageVersion\\.of\\(\\s*(\\d+)");
    private static final Pattern V2 = Pattern.compile("JavaVersion\\.VERSION_(\\d+)");
    private static final Pattern V3 = Pattern.compile("sourceCompatibility\\s*=\\s*['\"]?([\\d.]+)");

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        Optional<String> buildPath = buildFile(tree, dir);
        if (buildPath.isEmpty() || isSubproject(tree, dir)) {
            return List.of();
        }
        String build = tree.textOrEmpty(buildPath.get());
        String module = dir;
        String moduleBuild = build;
        if (!BOOT_PLUGIN.matcher(build).find() || build.contains("apply false")) {
            for (String sub : includes(tree, dir)) {
                String subDir = SourceTree.join(dir, sub.replace(':', '/'));
                Optional<String> subBuild = buildFile(tree, subDir);
                if (subBuild.isPresent()
                        && BOOT_PLUGIN.matcher(tree.textOrEmpty(subBuild.get())).find()) {
                    module = subDir;
                    moduleBuild = tree.textOrEmpty(subBuild.get());
                    break;
                }
            }
        }
        boolean boot = BOOT_PLUGIN.matcher(moduleBuild).find();
        Proposal p = Boot.proposal(tree, dir, module, moduleBuild, boot, "gradle");
        String gradle = Boot.wrapper(tree, dir, "gradlew", "gradle/wrapper/gradle-wrapper.properties", "gradle");
        String task =
                (module.equals(dir) ? "" : ":" + Boot.relative(dir, module).replace('/', ':') + ":")
                        + (boot ? "bootJar" : "build");
        p.commands(null, gradle + " --no-daemon -x test " + task, Boot.START)
                .because(
                        "buildCommand",
                        buildPath.get(),
                        0,
                        gradle.equals("gradle")
                                ? "no usable gradlew: built with the image's Gradle"
                                : "the project's Gradle wrapper");
        JavaSources.javaVersion(moduleBuild + build, V1, V2, V3)
                .ifPresent(v -> p.runtimeVersion(v)
                        .because("runtimeVersion", buildPath.get(), 0, "Java " + v + " from the build file"));
        return List.of(p);
    }

    private static Optional<String> buildFile(SourceTree tree, String dir) {
        return java.util.stream.Stream.of("build.gradle.kts", "build.gradle")
                .map(n -> SourceTree.join(dir, n))
                .filter(tree::exists)
                .findFirst();
    }

    private static List<String> includes(SourceTree tree, String dir) {
        List<String> out = new ArrayList<>();
        for (String name : new String[] {"settings.gradle.kts", "settings.gradle"}) {
            for (String line : tree.textOrEmpty(SourceTree.join(dir, name)).split("\n")) {
                if (line.trim().startsWith("include")) {
                    Matcher m = INCLUDE.matcher(line);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static boolean isSubproject(SourceTree tree, String dir) {
        if (dir.isEmpty()) {
            return false;
        }
        int slash = dir.lastIndexOf('/');
        String parent = slash < 0 ? "" : dir.substring(0, slash);
        return tree.exists(SourceTree.join(parent, "settings.gradle"))
                || tree.exists(SourceTree.join(parent, "settings.gradle.kts"));
    }
}

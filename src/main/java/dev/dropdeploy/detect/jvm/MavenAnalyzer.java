package dev.dropdeploy.detect.jvm;

import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maven builds; in a multi-module build, the module applying Spring Boot is the app. */
public final class MavenAnalyzer implements Analyzer {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern VERSION_1 = Pattern.compile("<java\\.version>\\s*([\\d.]+)");
    private static final Pattern VERSION_2 = Pattern.compile("<maven\\.compiler\\.(?:release|source)>\\s*([\\d.]+)");

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        String pomPath = SourceTree.join(dir, "pom.xml");
        String pom = tree.text(pomPath).orElse(null);
        if (pom == null || isModuleOfParent(tree, dir)) {
            return List.of();
        }
        List<String> modules = modules(pom);
        String module = dir;
        String modulePom = pom;
        int best = bootScore(pom);
        for (String m : modules) {
            String text = tree.textOrEmpty(SourceTree.join(SourceTree.join(dir, m), "pom.xml"));
            if (bootScore(text) > best) {
                best = bootScore(text);
                module = SourceTree.join(dir, m);
                modulePom = text;
            }
        }
        Proposal p = Boot.proposal(tree, dir, module, modulePom, best > 0, "maven");
        String mvn = Boot.wrapper(tree, dir, "mvnw", ".mvn/wrapper/maven-wrapper.properties", "mvn");
        String pl = module.equals(dir) ? "" : " -pl " + Boot.relative(dir, module) + " -am";
        String install = modules.isEmpty() ? mvn + " -B -q dependency:go-offline" : null;
        p.commands(install, mvn + " -B -DskipTests" + pl + " package", Boot.START)
                .because(
                        "buildCommand",
                        pomPath,
                        0,
                        mvn.equals("mvn") ? "Maven from the image (no usable mvnw)" : "the project's Maven wrapper");
        if (!module.equals(dir)) {
            p.because(
                    "appDirectory",
                    SourceTree.join(module, "pom.xml"),
                    0,
                    "module " + Boot.relative(dir, module)
                            + " applies Spring Boot; built with the reactor from the root");
        }
        JavaSources.javaVersion(modulePom + pom, VERSION_1, VERSION_2)
                .ifPresent(
                        v -> p.runtimeVersion(v).because("runtimeVersion", pomPath, 0, "Java " + v + " from the pom"));
        frontend(tree, dir, pom + modulePom, p);
        return List.of(p);
    }

    static List<String> modules(String pom) {
        List<String> out = new ArrayList<>();
        Matcher m = MODULE.matcher(pom.replaceAll("(?s)<!--.*?-->", ""));
        while (m.find()) {
            out.add(m.group(1).replaceFirst("/pom\\.xml$", "").replaceFirst("/$", ""));
        }
        return out;
    }

    /** 3: applies the Boot plugin; 2: a web starter; 1: any Boot artifact; 0: not Boot. */
    private static int bootScore(String pom) {
        if (pom.contains("spring-boot-maven-plugin") && !pom.contains("<packaging>pom</packaging>")) {
            return 3;
        }
        if (Boot.isWeb(pom)) {
            return 2;
        }
        return pom.contains("org.springframework.boot") && !pom.contains("<packaging>pom</packaging>") ? 1 : 0;
    }

    private static boolean isModuleOfParent(SourceTree tree, String dir) {
        if (dir.isEmpty()) {
            return false;
        }
        int slash = dir.lastIndexOf('/');
        String parent = slash < 0 ? "" : dir.substring(0, slash);
        String name = dir.substring(slash + 1);
        return modules(tree.textOrEmpty(SourceTree.join(parent, "pom.xml"))).contains(name);
    }

    private static void frontend(SourceTree tree, String dir, String poms, Proposal p) {
        tree.filesUnder(dir).stream()
                .filter(f -> f.name().equals("package.json") && !f.directory().equals(dir))
                .findFirst()
                .ifPresent(
                        f -> p.because(
                                "role",
                                f.path(),
                                0,
                                poms.contains("frontend-maven-plugin")
                                        ? "front-end built by frontend-maven-plugin inside the Maven build; the Java process serves HTTP"
                                        : "front-end next to a Spring Boot app; the Java process serves HTTP, so this is a Maven build"));
    }
}

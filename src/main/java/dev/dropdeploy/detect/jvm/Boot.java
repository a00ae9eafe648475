package dev.dropdeploy.detect.jvm;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.regex.Pattern;

/** The proposal shared by Maven and Gradle builds of a Spring Boot or plain jar app. */
final class Boot {

    static final String START = "java -Dserver.port=$PORT -jar app.jar";
    private static final Pattern WEB_STARTER =
            Pattern.compile("spring-boot-starter-(web|webmvc|webflux|jersey|thymeleaf)|vaadin-spring-boot-starter");

    private Boot() {}

    static boolean isWeb(String buildFile) {
        return WEB_STARTER.matcher(buildFile).find();
    }

    /** {@code module} is the folder of the Boot module ({@code dir} itself for a single-module build). */
    static Proposal proposal(
            SourceTree tree, String dir, String module, String buildFileText, boolean boot, String tool) {
        boolean web = boot && isWeb(buildFileText);
        String framework = boot ? "spring-boot" : "java-" + tool;
        Kind kind = boot ? (web ? Kind.SPRING_BOOT_WEB : Kind.SPRING_BOOT_WITHOUT_WEB) : Kind.JAVA_BUILD;
        String where = module.equals(dir) ? "" : " (module " + relative(dir, module) + ")";
        Proposal p = new Proposal(
                        Stack.JAVA, framework, dir, kind, (boot ? "Spring Boot" : "Java") + " built by " + tool + where)
                .packageManager(tool)
                .because(
                        "artifact",
                        null,
                        0,
                        "the runnable jar is chosen after the build by its manifest"
                                + " (Start-Class / Main-Class), never by a file name glob");
        String marker = boot ? "@SpringBootApplication" : "\\S";
        JavaSources.mainClass(tree, module, marker)
                .ifPresent(main -> p.entrypoint(main.fqcn())
                        .because("entrypoint", main.file(), main.line(), "main class " + main.fqcn()));
        if (boot) {
            JavaSources.springServer(tree, module, p);
            p.because("port", null, 0, "-Dserver.port=$PORT (" + Proposal.DEFAULT_PORT + ")");
            if (buildFileText.contains("spring-boot-starter-actuator")) {
                p.healthPath("/actuator/health");
            }
        }
        if (!web) {
            p.notWeb()
                    .because(
                            "webServer",
                            null,
                            0,
                            boot ? "no web starter (spring-boot-starter-web/webflux)" : "plain jar");
        }
        return p;
    }

    static String relative(String dir, String path) {
        return dir.isEmpty() ? path : path.substring(dir.length() + 1);
    }

    /** A wrapper that will run: present, with its properties, LF endings; {@code sh} makes up for a lost exec bit. */
    static String wrapper(SourceTree tree, String dir, String name, String properties, String fallback) {
        String path = SourceTree.join(dir, name);
        if (!tree.exists(path)
                || !tree.exists(SourceTree.join(dir, properties))
                || tree.textOrEmpty(path).contains("\r\n")) {
            return fallback;
        }
        return tree.file(path).orElseThrow().executable() ? "./" + name : "sh ./" + name;
    }
}

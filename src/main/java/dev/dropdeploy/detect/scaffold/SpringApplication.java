package dev.dropdeploy.detect.scaffold;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot build with controllers but no {@code @SpringBootApplication} class (chats often show only the
 * controller): the application class is added in the package that holds all the pasted classes, so component scanning
 * finds every one of them.
 */
public final class SpringApplication implements Scaffold.Step {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+(\\w+(?:\\.\\w+)*)\\s*;");
    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");

    @Override
    public void accept(Scaffold s) {
        boolean boot = BUILD_FILES.stream().anyMatch(f -> s.content(f).contains("spring-boot"));
        List<String> sources = s.withExtension("java");
        if (!boot
                || sources.isEmpty()
                || sources.stream().anyMatch(p -> s.files().get(p).contains("@SpringBootApplication"))) {
            return;
        }
        String pkg = sources.stream()
                .map(p -> packageOf(s.files().get(p)))
                .reduce(SpringApplication::commonPrefix)
                .orElse("");
        String folder = folderOf(s, sources, pkg).orElse("src/main/java/" + pkg.replace('.', '/'));
        String name = s.has(folder + "/Application.java") ? "DropDeployApplication" : "Application";
        String path = (folder.isEmpty() ? "" : folder + "/") + name + ".java";
        s.add(
                path,
                (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
                        + "import org.springframework.boot.SpringApplication;\n"
                        + "import org.springframework.boot.autoconfigure.SpringBootApplication;\n\n"
                        + "@SpringBootApplication\npublic class " + name + " {\n\n"
                        + "    public static void main(String[] args) {\n"
                        + "        SpringApplication.run(" + name + ".class, args);\n    }\n}\n",
                "Added " + path + ", a class with @SpringBootApplication and a main method, because the pasted"
                        + " Spring Boot code had none; it is in package " + (pkg.isEmpty() ? "(default)" : pkg)
                        + " so it finds all your classes.");
    }

    private static String packageOf(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "";
    }

    private static String commonPrefix(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        StringBuilder common = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            common.append(common.isEmpty() ? "" : ".").append(x[i]);
        }
        return common.toString();
    }

    /** The folder a pasted class of that package already lives in, so the new class sits beside it. */
    private static Optional<String> folderOf(Scaffold s, List<String> sources, String pkg) {
        String suffix = pkg.replace('.', '/');
        return sources.stream()
                .map(p -> p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "")
                .filter(dir -> suffix.isEmpty() ? dir.endsWith("java") || dir.isEmpty() : dir.endsWith(suffix))
                .findFirst();
    }
}

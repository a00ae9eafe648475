package dev.dropdeploy.detect.scaffold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring code pasted without a build (a controller, maybe a service) gets the Maven build a person would write for it:
 * Spring Boot's parent, the starters its imports ask for, and Boot's plugin; and the imports a chat left out of a
 * class that uses Spring's annotations. {@link SpringApplication} then adds the application class when none was
 * pasted.
 */
public final class SpringBuild implements Scaffold.Step {

    /** The Spring Boot line the generated build asks for: one this installation's Maven registry serves. */
    static final String BOOT_VERSION = "3.5.7";

    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
    private static final Pattern SPRING = Pattern.compile(
            "\\bimport\\s+org\\.springframework\\.|@(?:RestController|Controller|SpringBootApplication|GetMapping"
                    + "|PostMapping|RequestMapping)\\b");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

    /** Annotation families and the package a class using one must import, in the order the imports are written. */
    private static final Map<String, Pattern> IMPORTS = imports();

    /** Starters by what the code imports or uses; the web starter always, since the app serves HTTP. */
    private static final Map<Pattern, List<String>> STARTERS = Map.of(
            Pattern.compile("\\bjakarta\\.persistence\\.|\\bJpaRepository\\b|\\bCrudRepository\\b"),
            List.of("spring-boot-starter-data-jpa", "com.h2database:h2"),
            Pattern.compile("\\bjakarta\\.validation\\.|@Valid\\b"),
            List.of("spring-boot-starter-validation"),
            Pattern.compile("\\borg\\.thymeleaf\\b|\\bth:"),
            List.of("spring-boot-starter-thymeleaf"));

    /** Whether a Java source is Spring code (imports Spring or uses its web annotations); one rule for the paste too. */
    public static boolean isSpringCode(String source) {
        return SPRING.matcher(source).find();
    }

    private static Map<String, Pattern> imports() {
        Map<String, Pattern> imports = new LinkedHashMap<>();
        imports.put(
                "org.springframework.web.bind.annotation.*",
                Pattern.compile(
                        "@(?:RestController|RestControllerAdvice|GetMapping|PostMapping|PutMapping|DeleteMapping"
                                + "|PatchMapping|RequestMapping|RequestParam|PathVariable|RequestBody|ResponseBody"
                                + "|CrossOrigin|ResponseStatus|ExceptionHandler)\\b"));
        imports.put(
                "org.springframework.stereotype.*", Pattern.compile("@(?:Controller|Service|Component|Repository)\\b"));
        imports.put("org.springframework.beans.factory.annotation.Autowired", Pattern.compile("@Autowired\\b"));
        imports.put("org.springframework.ui.Model", Pattern.compile("\\bModel\\s+\\w+\\s*[,)]"));
        imports.put("org.springframework.boot.SpringApplication", Pattern.compile("\\bSpringApplication\\.run\\("));
        imports.put(
                "org.springframework.boot.autoconfigure.SpringBootApplication",
                Pattern.compile("@SpringBootApplication\\b"));
        return imports;
    }

    @Override
    public void accept(Scaffold s) {
        List<String> sources = s.withExtension("java");
        if (BUILD_FILES.stream().anyMatch(s::has)
                || sources.stream()
                        .noneMatch(p -> SPRING.matcher(s.files().get(p)).find())) {
            return;
        }
        sources.forEach(path -> addImports(s, path));
        Set<String> starters = new TreeSet<>(Set.of("spring-boot-starter-web"));
        String code =
                String.join("\n", sources.stream().map(p -> s.files().get(p)).toList());
        STARTERS.forEach((uses, artifacts) -> {
            if (uses.matcher(code).find()) {
                starters.addAll(artifacts);
            }
        });
        s.add(
                "pom.xml",
                pom(starters),
                "Added pom.xml, a Maven build on Spring Boot " + BOOT_VERSION + " with " + String.join(", ", starters)
                        + ", because the pasted Spring code came without a build.");
    }

    private static void addImports(Scaffold s, String path) {
        String source = s.files().get(path);
        List<String> missing = IMPORTS.entrySet().stream()
                .filter(e -> e.getValue().matcher(source).find() && !imports(source, e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String lines =
                String.join("", missing.stream().map(i -> "import " + i + ";\n").toList());
        Matcher pkg = PACKAGE.matcher(source);
        String repaired = pkg.find()
                ? source.substring(0, pkg.end()) + "\n\n" + lines + "\n"
                        + source.substring(pkg.end()).stripLeading()
                : lines + "\n" + source;
        s.change(
                path,
                repaired,
                path + ": added the imports it uses and did not write (" + String.join(", ", missing) + ").");
    }

    /** A family counts as imported when any class of its package is; a single class only by its own import. */
    private static boolean imports(String source, String name) {
        return source.contains("import " + (name.endsWith(".*") ? name.substring(0, name.length() - 1) : name + ";"));
    }

    private static String pom(Set<String> starters) {
        StringBuilder deps = new StringBuilder();
        for (String starter : starters) {
            String[] coordinates =
                    starter.contains(":") ? starter.split(":") : new String[] {"org.springframework.boot", starter};
            deps.append("    <dependency>\n      <groupId>")
                    .append(coordinates[0])
                    .append("</groupId>\n      <artifactId>")
                    .append(coordinates[1])
                    .append("</artifactId>\n")
                    .append(coordinates[1].equals("h2") ? "      <scope>runtime</scope>\n" : "")
                    .append("    </dependency>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>app</groupId>
                  <artifactId>app</artifactId>
                  <version>1.0.0</version>
                  <properties>
                    <java.version>21</java.version>
                  </properties>
                  <dependencies>
                %s  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-maven-plugin</artifactId>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(BOOT_VERSION, deps);
    }
}

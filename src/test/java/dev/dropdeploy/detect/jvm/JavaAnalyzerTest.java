package dev.dropdeploy.detect.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaAnalyzerTest {

    private static final String BOOT_APP = "package a.b;\n@SpringBootApplication\npublic class Api {\n"
            + "    public static void main(String[] args) {}\n}\n";

    @Test
    void theModuleApplyingTheBootPluginWinsOverOneThatOnlyUsesAStarter(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "pom.xml",
                                "<project><packaging>pom</packaging><modules><module>lib</module>"
                                        + "<module>api</module></modules></project>",
                        "lib/pom.xml",
                                "<project><dependencies><dependency><groupId>org.springframework.boot</groupId>"
                                        + "<artifactId>spring-boot-starter</artifactId></dependency></dependencies></project>",
                        "api/pom.xml",
                                "<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId>"
                                        + "</dependency></dependencies><build><plugins><plugin>"
                                        + "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>",
                        "api/src/main/java/a/b/Api.java", BOOT_APP));

        assertThat(report.commands().build()).isEqualTo("mvn -B -DskipTests -pl api -am package");
        assertThat(report.entrypoint()).isEqualTo("a.b.Api");
    }

    @Test
    void aGradleMultiProjectBuildsTheBootSubproject(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "settings.gradle", "rootProject.name = 'x'\ninclude 'common', 'app'\n",
                        "build.gradle", "plugins { id 'org.springframework.boot' version '3.5.0' apply false }\n",
                        "common/build.gradle", "plugins { id 'java-library' }\n",
                        "app/build.gradle",
                                "plugins { id 'org.springframework.boot' }\n"
                                        + "java { sourceCompatibility = JavaVersion.VERSION_17 }\n"
                                        + "dependencies { implementation 'org.springframework.boot:spring-boot-starter-web' }\n",
                        "app/src/main/java/a/b/Api.java", BOOT_APP));

        assertThat(report.commands().build()).isEqualTo("gradle --no-daemon -x test :app:bootJar");
        assertThat(report.runtimeVersion()).isEqualTo("17");
        assertThat(report.webServer()).isTrue();
    }

    @Test
    void springServerAddressOnLocalhostIsReportedWithItsLine(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "pom.xml",
                        "<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId>"
                                + "</dependency></dependencies><build><plugins><plugin>"
                                + "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>",
                        "src/main/java/a/b/Api.java",
                        BOOT_APP,
                        "src/main/resources/application.properties",
                        "spring.application.name=x\nserver.address=127.0.0.1\n"));

        assertThat(report.warnings())
                .filteredOn(w -> w.code().equals("BOUND_TO_LOCALHOST"))
                .extracting(DetectionWarning::line)
                .containsExactly(2);
        assertThat(report.commands().start()).isEqualTo("java -Dserver.port=$PORT -jar app.jar");
    }

    @Test
    void aHardCodedPortInPlainJavaIsKeptAndReported(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("Server.java", """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                public class Server {
                    public static void main(String[] a) throws Exception {
                        HttpServer.create(new InetSocketAddress(9000), 0).start();
                    }
                }
                """));

        assertThat(report.port()).isEqualTo(9000);
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("HARDCODED_PORT");
    }
}

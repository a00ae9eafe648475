package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps that use PostgreSQL or Redis are told so by detection, before they fail to connect. */
class DataNeedsTest {

    private static final String FLASK = "from flask import Flask\napp = Flask(__name__)\n";

    @Test
    void aPythonAppWithAPostgresDriverNeedsPostgres(@TempDir Path dir) {
        for (String requirement : List.of("psycopg2-binary==2.9.10", "psycopg[binary]==3.2.3", "asyncpg>=0.29")) {
            DetectionReport report = Trees.detect(
                    dir.resolve(requirement.replaceAll("\\W", "")),
                    Map.of("requirements.txt", "flask==3.1.2\n" + requirement + "\n", "app.py", FLASK));
            assertThat(codes(report)).as(requirement).contains("NEEDS_POSTGRES").doesNotContain("NEEDS_REDIS");
        }
    }

    @Test
    void anOrmPointedAtAPostgresUrlNeedsPostgresButOneOnSqliteDoesNot(@TempDir Path dir) {
        DetectionReport postgres = Trees.detect(
                dir.resolve("pg"),
                Map.of(
                        "requirements.txt",
                        "flask==3.1.2\nsqlalchemy==2.0.36\n",
                        "app.py",
                        FLASK + "URL = os.environ.get('DATABASE_URL', 'postgresql+psycopg://localhost/app')\n"));
        DetectionReport sqlite = Trees.detect(
                dir.resolve("lite"),
                Map.of(
                        "requirements.txt",
                        "flask==3.1.2\nsqlalchemy==2.0.36\n",
                        "app.py",
                        FLASK + "URL = 'sqlite:///a.db'\n"));

        assertThat(codes(postgres)).contains("NEEDS_POSTGRES");
        assertThat(codes(sqlite)).doesNotContain("NEEDS_POSTGRES");
    }

    @Test
    void aNodeAppWithPgAndIoredisNeedsBothAndSaysWhereItSawThem(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"scripts\":{\"start\":\"node server.js\"},\"dependencies\":{\"express\":\"4.21.2\","
                                + "\"pg\":\"8.13.1\",\"ioredis\":\"5.4.1\"}}",
                        "server.js",
                        "require('express')().listen(process.env.PORT)\n"));

        assertThat(report.warnings())
                .filteredOn(w -> w.code().startsWith("NEEDS_"))
                .extracting(DetectionWarning::code, DetectionWarning::file)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("NEEDS_POSTGRES", "package.json"),
                        org.assertj.core.groups.Tuple.tuple("NEEDS_REDIS", "package.json"));
    }

    @Test
    void aPackageMerelyNamedLikeADriverIsNotMistakenForIt(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"scripts\":{\"start\":\"node server.js\"},\"dependencies\":{\"express\":\"4.21.2\","
                                + "\"pg-format\":\"1.0.4\",\"redis-parser\":\"3.0.0\"}}",
                        "server.js",
                        "require('express')().listen(process.env.PORT)\n"));

        assertThat(codes(report)).doesNotContain("NEEDS_POSTGRES", "NEEDS_REDIS");
    }

    @Test
    void aSpringAppWithThePostgresDriverNeedsPostgres(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "pom.xml",
                        "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent><dependencies>"
                                + "<dependency><artifactId>spring-boot-starter-web</artifactId></dependency>"
                                + "<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId>"
                                + "</dependency></dependencies></project>"));

        assertThat(codes(report)).contains("NEEDS_POSTGRES");
    }

    private static List<String> codes(DetectionReport report) {
        return report.warnings().stream().map(DetectionWarning::code).toList();
    }
}

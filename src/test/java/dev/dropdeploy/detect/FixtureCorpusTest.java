package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every fixture's expected decisions, checked; prints the corpus accuracy and detection times. */
class FixtureCorpusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, List<String>> MISMATCHES = new ConcurrentHashMap<>();
    private static final Map<String, Long> MICROS = new ConcurrentHashMap<>();
    private static final StackDetector DETECTOR = new StackDetector();

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureIsDetectedAsItsExpectedReportSays(String name, @TempDir Path temp) throws IOException {
        JsonNode expected =
                JSON.readTree(Files.readString(Fixtures.ROOT.resolve(name).resolve("expected.json")));
        Path app = Fixtures.fixture(name, temp);
        long start = System.nanoTime();
        DetectionReport report = DETECTOR.detect(app);
        MICROS.put(name, (System.nanoTime() - start) / 1_000);
        List<String> mismatches = compare(expected, report);
        MISMATCHES.put(name, mismatches);
        assertThat(mismatches).as("%s%n%s", name, DetectCommand.toText(report)).isEmpty();
    }

    static List<String> compare(JsonNode expected, DetectionReport r) {
        List<String> out = new ArrayList<>();
        check(out, expected, "stack", r.stack().name());
        check(out, expected, "framework", r.framework());
        check(out, expected, "packageManager", r.packageManager());
        check(out, expected, "appDirectory", r.appDirectory());
        check(
                out,
                expected,
                "workspaceRoot",
                r.workspace() == null ? null : r.workspace().root());
        check(out, expected, "staticOutputDir", r.staticOutputDir());
        check(out, expected, "entrypoint", r.entrypoint());
        check(out, expected, "runtimeVersion", r.runtimeVersion());
        check(
                out,
                expected,
                "startCommand",
                r.commands() == null ? null : r.commands().start());
        if (expected.has("port") && expected.get("port").asInt() != r.port()) {
            out.add("port: expected " + expected.get("port").asInt() + " but was " + r.port());
        }
        if (expected.has("webServer") && expected.get("webServer").asBoolean() != r.webServer()) {
            out.add("webServer: expected " + expected.get("webServer").asBoolean());
        }
        if (expected.has("buildContains")) {
            String build =
                    r.commands() == null ? "" : Objects.toString(r.commands().build(), "");
            if (!build.contains(expected.get("buildContains").asString())) {
                out.add("build: expected to contain "
                        + expected.get("buildContains").asString() + " but was " + build);
            }
        }
        for (JsonNode code : expected.path("warnings")) {
            if (r.warnings().stream().noneMatch(w -> w.code().equals(code.asString()))) {
                out.add("warning missing: " + code.asString());
            }
        }
        for (JsonNode code : expected.path("absentWarnings")) {
            if (r.warnings().stream().anyMatch(w -> w.code().equals(code.asString()))) {
                out.add("unexpected warning: " + code.asString());
            }
        }
        for (JsonNode dir : expected.path("candidates")) {
            if (r.runnerUp().stream().noneMatch(c -> c.directory().equals(dir.asString()))) {
                out.add("candidate missing: " + dir.asString());
            }
        }
        return out;
    }

    private static void check(List<String> out, JsonNode expected, String field, String actual) {
        if (expected.has(field)) {
            String want =
                    expected.get(field).isNull() ? null : expected.get(field).asString();
            if (!Objects.equals(want, actual)) {
                out.add(field + ": expected " + want + " but was " + actual);
            }
        }
    }

    @AfterAll
    static void printAccuracyAndTimes() {
        long correct = MISMATCHES.values().stream().filter(List::isEmpty).count();
        List<Long> times = MICROS.values().stream().sorted().toList();
        if (times.isEmpty()) {
            return;
        }
        System.out.printf(
                "Detection accuracy: %d/%d fixtures fully correct (%.1f%%); time per fixture: median %.1f ms, max %.1f ms%n",
                correct,
                MISMATCHES.size(),
                100.0 * correct / MISMATCHES.size(),
                times.get(times.size() / 2) / 1000.0,
                times.getLast() / 1000.0);
        MISMATCHES.forEach((name, m) -> {
            if (!m.isEmpty()) {
                System.out.println("  " + name + ": " + m);
            }
        });
    }
}

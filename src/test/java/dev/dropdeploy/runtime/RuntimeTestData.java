package dev.dropdeploy.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/** Specs and settings shared by the runtime tests. */
final class RuntimeTestData {

    /** Unique per test run, so the reaper under test can never touch another DropDeploy's containers. */
    static final String INSTANCE = "test-" + UUID.randomUUID();

    private RuntimeTestData() {}

    static RuntimeProperties properties(String traefikContainer, String ociRuntime) {
        return new RuntimeProperties(
                DataSize.ofMegabytes(512),
                1.0,
                256,
                Duration.ofSeconds(10),
                "unless-stopped",
                traefikContainer,
                ociRuntime,
                DataSize.ofMegabytes(64),
                Duration.ofMillis(100),
                INSTANCE,
                "10.200.0.0/15",
                "",
                "engine");
    }

    static RuntimeProperties properties() {
        return properties("", "");
    }

    static ContainerSpec spec(String slug, int version, String image, Map<String, String> env, boolean readOnly) {
        return new ContainerSpec(slug, version, "dep-" + version, image, 8080, env, readOnly, null, null);
    }
}

package dev.dropdeploy.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/**
 * The shared set-up of integration tests that deploy real apps and reach them over plain HTTP: an
 * {@link InstallationIT} with the real Traefik routing to it. Subclasses that add no properties of their own share one
 * Spring context (and so one Traefik) within a run; a subclass that needs other settings adds its own
 * {@code @DynamicPropertySource} and gets a context of its own.
 */
public abstract class LiveInstallationIT extends InstallationIT {

    protected static final int APP_PORT = TraefikForTests.freePort();

    /** Stopped by Testcontainers when the test JVM ends, since every subclass's context may still route through it. */
    protected static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.routing.public-port", () -> TRAEFIK.getMappedPort(80));
    }
}

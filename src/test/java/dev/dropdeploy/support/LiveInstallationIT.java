package dev.dropdeploy.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/**
 * The shared set-up of integration tests that deploy real apps and reach them over plain HTTP: an
 * {@link InstallationIT} with the real Traefik routing to it, shared by every subclass. Each class's Spring context
 * is closed after it, since all of them listen on the one port Traefik knows; a subclass that needs other settings
 * adds its own {@code @DynamicPropertySource}.
 */
// Closed after each class: every subclass binds the one APP_PORT Traefik knows, so a subclass with settings of its own
// (a context of its own) could not start while a cached context still held the port.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
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

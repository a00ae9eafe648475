package dev.dropdeploy.runtime;

import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * A project's service container: a database or store DropDeploy runs for it, hardened like an app (capabilities
 * dropped, no-new-privileges, read-only root, limits, never uid 0) and reached by its project's containers at {@code
 * alias}.
 *
 * @param service a short lower-case name ({@code postgres}); the container's alias on the project network
 * @param user the image's user name the service runs as; must not map to uid 0
 * @param env only read when the container is created
 * @param command replaces the image's command; empty keeps it
 * @param volumePath where the service's volume is mounted; a new volume takes the ownership the image gives this path
 * @param writablePaths small tmpfs folders the service needs besides its volume (sockets, pid files)
 * @param ready a command that succeeds once the service takes connections
 * @param memory hard memory limit (no swap on top)
 */
public record ServiceSpec(
        String projectSlug,
        String service,
        String image,
        String user,
        Map<String, String> env,
        List<String> command,
        String volumePath,
        List<String> writablePaths,
        List<String> ready,
        DataSize memory) {}

package dev.dropdeploy.runtime;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The security and resource settings every app container gets, as pure functions of the spec and the configuration so
 * they are unit-tested without an engine.
 */
final class Hardening {

    /** Used when an image runs as root or names no user; no image's files belong to it, so it can write nothing. */
    static final String FALLBACK_USER = "10001:10001";

    private static final Pattern NUMERIC = Pattern.compile("\\d+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Bounded so a chatty app cannot fill the host's disk with its log (about 30 MB per container). */
    static final LogConfig BOUNDED_LOG =
            new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m", "max-file", "3"));

    private Hardening() {}

    /**
     * No host paths, devices or published ports are ever set: the Docker socket cannot reach an app, and since apps
     * publish no host ports (Traefik and DropDeploy reach them on the project network), two apps can never collide on
     * a "port already in use". The one mount an app may get is its own project's data folder, a named volume.
     */
    static HostConfig hostConfig(ContainerSpec spec, ResourceLimits limits, RuntimeProperties properties) {
        HostConfig config = HostConfig.newHostConfig()
                .withNetworkMode(ContainerNames.network(spec.projectSlug()))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false)
                .withMemory(limits.memory().toBytes())
                .withMemorySwap(limits.memory().toBytes())
                .withNanoCPUs(Math.round(limits.cpus() * 1_000_000_000L))
                .withPidsLimit(limits.pids())
                .withRestartPolicy(RestartPolicy.noRestart())
                .withLogConfig(BOUNDED_LOG)
                .withReadonlyRootfs(spec.readOnlyRootFilesystem())
                // The engine's small init is PID 1 and reaps what the app's processes orphan (a run page's runs, a
                // server's workers), so zombies never eat the pids limit.
                .withInit(true)
                // Lets a non-root app bind port 80 or 443 (an nginx or Caddy image as written) without any capability.
                .withSysctls(Map.of("net.ipv4.ip_unprivileged_port_start", "0"));
        if (spec.dataFolder() != null) {
            config.withBinds(DataFolders.bind(properties.instance(), spec.projectSlug()));
        }
        if (spec.readOnlyRootFilesystem()) {
            config.withTmpFs(Map.of("/tmp", tmpOptions(properties)));
        }
        if (!properties.ociRuntime().isBlank()) {
            config.withRuntime(properties.ociRuntime());
        }
        return config;
    }

    /**
     * Executable on purpose: the JVM (Netty, JNA, sqlite-jdbc) and Python wheels unpack native libraries into /tmp and
     * load them from there; noexec breaks those stacks. nosuid and nodev still apply, and no-new-privileges already
     * neutralises setuid binaries.
     */
    static String tmpOptions(RuntimeProperties properties) {
        return "rw,nosuid,nodev,mode=1777,size=" + properties.tmpSize().toBytes();
    }

    /**
     * The image's own user unless that is uid 0 however spelled ({@code root}, {@code 0}, {@code 00:0}, a name that
     * {@code /etc/passwd} maps to 0) or unset; an image is trusted with its user, never with root. The answer is always
     * numeric {@code uid:gid}, so the engine never resolves a name through a passwd file the tenant wrote (its parser
     * reads {@code " 1000"} as 0), and group 0 is replaced by the user's own id.
     *
     * @param uidOfName the uid the image's {@code /etc/passwd} gives a user name, empty when it has none
     */
    static String user(String imageUser, Function<String, OptionalLong> uidOfName) {
        if (imageUser == null || imageUser.isBlank()) {
            return FALLBACK_USER;
        }
        String[] parts = imageUser.strip().split(":", 2);
        OptionalLong uid = NUMERIC.matcher(parts[0]).matches() ? parseUid(parts[0]) : uidOfName.apply(parts[0]);
        if (uid.isEmpty() || uid.getAsLong() == 0) {
            return FALLBACK_USER;
        }
        String group = parts.length == 2 && NUMERIC.matcher(parts[1]).matches() ? parts[1] : "";
        boolean ownGroup = group.isEmpty() || parseUid(group).orElse(0) == 0;
        return uid.getAsLong() + ":" + (ownGroup ? String.valueOf(uid.getAsLong()) : group);
    }

    private static OptionalLong parseUid(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // beyond any uid the kernel knows; refuse it like an unknown name
        }
    }

    /**
     * The spec's variables plus {@code PORT}, which always names the spec's port (a duplicate would leave the app
     * reading whichever its libc finds first). The fallback user has no home directory, so HOME points at the writable
     * /tmp unless the spec sets it (npm, pip and many CLIs write caches under HOME).
     */
    static List<String> env(ContainerSpec spec, String user) {
        List<String> env = new ArrayList<>();
        spec.env().forEach((name, value) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a valid environment variable name: '" + name + "'");
            }
            if (!name.equals("PORT") && !(name.equals("DATA_DIR") && spec.dataFolder() != null)) {
                env.add(name + "=" + value);
            }
        });
        if (FALLBACK_USER.equals(user) && !spec.env().containsKey("HOME")) {
            env.add("HOME=/tmp");
        }
        if (spec.dataFolder() != null) {
            env.add("DATA_DIR=" + DataFolder.MOUNT);
        }
        env.add("PORT=" + spec.port());
        return env;
    }
}

package dev.dropdeploy.build;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How DropDeploy keeps the host's disk from filling up with tenants' builds.
 *
 * @param minFree below this much free space where the engine keeps images, new builds are refused with the reason
 * @param pruneInterval how often dangling images and the engine's build cache are removed
 */
@ConfigurationProperties("dropdeploy.build.disk")
public record DiskProperties(
        @DefaultValue("2GB") DataSize minFree,
        @DefaultValue("6h") Duration pruneInterval) {}

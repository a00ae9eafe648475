package dev.dropdeploy.build;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much building may take, so one runaway {@code npm install} cannot freeze the host.
 *
 * @param concurrency builds running at once; 2 fits a 2-core machine since installs mostly wait on the network
 * @param timeout a build still running after this is cancelled
 * @param memory memory of each build step's container
 * @param cpuShares relative CPU weight of build steps (1024 = normal), so running apps stay responsive
 * @param maxContext the largest build context accepted
 * @param keepPreviousImages images kept per project besides the live one, for instant rollback
 */
@Validated
@ConfigurationProperties("dropdeploy.build.limits")
public record BuildLimits(
        @DefaultValue("2") @Min(1) int concurrency,
        @DefaultValue("15m") Duration timeout,
        @DefaultValue("2GB") DataSize memory,
        @DefaultValue("512") int cpuShares,
        @DefaultValue("500MB") DataSize maxContext,
        @DefaultValue("3") @Min(0) int keepPreviousImages) {}

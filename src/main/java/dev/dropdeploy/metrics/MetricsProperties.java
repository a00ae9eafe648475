package dev.dropdeploy.metrics;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How apps are measured and how long the measurements are kept.
 *
 * @param enabled whether apps are sampled at all
 * @param interval time between two samples of every live app; one raw point per app each time
 * @param traefikMetrics Traefik's Prometheus endpoint (on its internal {@code traefik} entrypoint)
 * @param rawRetention how long raw points are kept; older ones live on only in their rollups
 * @param rollupStep the width of one rollup point
 * @param rollupRetention how long rollups are kept; older ones are deleted
 */
@Validated
@ConfigurationProperties("dropdeploy.metrics")
record MetricsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") @NotNull Duration interval,

        @DefaultValue("http://localhost:8082/metrics") @NotNull
        URI traefikMetrics,

        @DefaultValue("24h") @NotNull Duration rawRetention,
        @DefaultValue("15m") @NotNull Duration rollupStep,
        @DefaultValue("7d") @NotNull Duration rollupRetention) {}

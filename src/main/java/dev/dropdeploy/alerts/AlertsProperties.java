package dev.dropdeploy.alerts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How alerts are sent.
 *
 * @param allowPrivateAddresses whether webhooks may reach loopback, private and link-local addresses; off by default,
 *     since DropDeploy sits on the operator's network and a tenant's URL must not reach what only it can reach
 * @param downAfter how long a live app's container must stay down before an "app down" alert
 * @param queueSize deliveries waiting or retrying at most; more are dropped with a warning
 * @param attempts tries per delivery, the first included
 * @param backoff wait before the first retry, doubled for each further one
 */
@Validated
@ConfigurationProperties("dropdeploy.alerts")
public record AlertsProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("3m") @NotNull Duration downAfter,
        @DefaultValue("3s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration readTimeout,
        @DefaultValue("200") @Min(1) int queueSize,
        @DefaultValue("4") @Min(1) int attempts,
        @DefaultValue("2s") @NotNull Duration backoff) {}

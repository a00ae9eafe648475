package dev.dropdeploy.deploy;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param healthTimeout how long a new container has to answer HTTP before the deployment fails
 * @param confirmTimeout how long Traefik has to serve the new version after the route switched
 * @param drain how long the previous container keeps running after the switch, for requests in flight
 * @param previousVersionsRunning older versions kept running (at their own version address) after a switch
 * @param writableLimit what one app may write inside its container outside /tmp (the engine cannot cap it here);
 *     beyond it the project is stopped with the reason
 * @param writableCheck how often that is measured (it costs the engine a walk over each container's layer)
 */
@Validated
@ConfigurationProperties("dropdeploy.deploy")
public record DeployProperties(
        @DefaultValue("90s") Duration healthTimeout,
        @DefaultValue("20s") Duration confirmTimeout,
        @DefaultValue("3s") Duration drain,
        @DefaultValue("1") @Min(0) int previousVersionsRunning,
        @DefaultValue("1GB") DataSize writableLimit,
        @DefaultValue("5m") Duration writableCheck) {}

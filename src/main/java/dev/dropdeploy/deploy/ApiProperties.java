package dev.dropdeploy.deploy;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param deploysPerMinute deployments one user may start through the API in any 60 seconds */
@Validated
@ConfigurationProperties("dropdeploy.api")
public record ApiProperties(@DefaultValue("10") @Min(1) int deploysPerMinute) {}

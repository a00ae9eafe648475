package dev.dropdeploy.deploy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param deploysPerMinute deployments one user may start through the API in any 60 seconds
 * @param pasteLimit the largest paste the API reads; a paste is held in memory whole, so it is bounded before it is read
 */
@Validated
@ConfigurationProperties("dropdeploy.api")
public record ApiProperties(
        @DefaultValue("10") @Min(1) int deploysPerMinute,
        @DefaultValue("2MB") @NotNull DataSize pasteLimit) {}

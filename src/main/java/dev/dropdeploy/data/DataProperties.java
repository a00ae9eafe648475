package dev.dropdeploy.data;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on projects' data.
 *
 * @param folderQuota how much one project's data folder may hold; beyond it the project is stopped with the reason
 * @param userQuota how much all of one person's data folders may hold together
 * @param servicesPerUser how many databases and stores one person may have attached at once (each costs memory)
 * @param postgresMemory the memory limit of each project's PostgreSQL server
 * @param valkeyMemory the memory limit of each project's Valkey; its data may use about three quarters of it
 * @param readyTimeout how long a service may take to accept connections after it starts
 * @param measureEvery how often data folders are measured against their quotas
 */
@Validated
@ConfigurationProperties("dropdeploy.data")
public record DataProperties(
        @DefaultValue("1GB") @NotNull DataSize folderQuota,
        @DefaultValue("5GB") @NotNull DataSize userQuota,
        @DefaultValue("10") @Min(0) int servicesPerUser,
        @DefaultValue("256MB") @NotNull DataSize postgresMemory,
        @DefaultValue("96MB") @NotNull DataSize valkeyMemory,
        @DefaultValue("90s") @NotNull Duration readyTimeout,
        @DefaultValue("5m") @NotNull Duration measureEvery) {}

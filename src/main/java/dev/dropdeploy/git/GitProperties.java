package dev.dropdeploy.git;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Git-connected projects.
 *
 * @param previewTtl how long a branch preview lives after its last push (a push of the branch renews it)
 * @param hookBodyLimit the largest webhook body read; a bigger one is refused unread (413)
 * @param previews whether pushes of other branches get previews at all
 */
@Validated
@ConfigurationProperties("dropdeploy.git")
public record GitProperties(
        @DefaultValue("7d") @NotNull Duration previewTtl,
        @DefaultValue("1MB") @NotNull DataSize hookBodyLimit,
        @DefaultValue("true") boolean previews) {}

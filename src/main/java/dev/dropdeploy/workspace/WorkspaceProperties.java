package dev.dropdeploy.workspace;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param root where each project's Git repository lives ({@code <root>/<project id>})
 * @param maxVersionSize the most a version's files may add up to
 * @param maxFiles the most files a version may hold
 */
@ConfigurationProperties("dropdeploy.workspace")
public record WorkspaceProperties(
        Path root,
        @DefaultValue("200MB") DataSize maxVersionSize,
        @DefaultValue("20000") int maxFiles) {}

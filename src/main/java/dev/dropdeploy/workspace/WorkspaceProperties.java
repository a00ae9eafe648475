package dev.dropdeploy.workspace;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param root where each project's Git repository lives ({@code <root>/<project id>})
 * @param maxVersionSize the most a version's files may add up to (also the most an upload or a clone may download)
 * @param maxFiles the most files a version may hold
 * @param gitTimeout the longest a Git import may take in all, and the longest its connection may stall
 * @param gitAllowLocal whether Git imports may read local paths and {@code file://} URLs (and private hosts); off in
 *     production, where they would let a user import any repository on the server (another project's workspace
 *     included)
 * @param gitAllowPrivateHosts whether Git imports may read from hosts at loopback, private or link-local addresses (a
 *     Git server on the operator's network); off by default, since DropDeploy then fetches, for any user, from
 *     services only the server reaches
 */
@ConfigurationProperties("dropdeploy.workspace")
public record WorkspaceProperties(
        Path root,
        @DefaultValue("200MB") DataSize maxVersionSize,
        @DefaultValue("20000") int maxFiles,
        @DefaultValue("2m") Duration gitTimeout,
        @DefaultValue("false") boolean gitAllowLocal,
        @DefaultValue("false") boolean gitAllowPrivateHosts) {}

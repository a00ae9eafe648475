package dev.dropdeploy.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user limits ({@code dropdeploy.quota.*}). They apply to admins too, so an operator sees the same behaviour as
 * their users; raise them in the configuration instead.
 *
 * @param maxProjects projects a user may own
 * @param maxRunningApps projects of a user that may be live at once
 * @param maxConcurrentBuilds deployments of a user that may be queued or in progress at once
 */
@ConfigurationProperties("dropdeploy.quota")
record QuotaProperties(
        @DefaultValue("20") int maxProjects,
        @DefaultValue("10") int maxRunningApps,
        @DefaultValue("2") int maxConcurrentBuilds) {}

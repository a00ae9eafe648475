/**
 * Alerts: a project's outgoing webhook (JSON signed with HMAC-SHA256, sent asynchronously from a bounded queue with
 * retries, only to public addresses unless the installation allows private ones) for deployments that went live or
 * failed and apps that restarted or stayed down; and the {@link dev.dropdeploy.alerts.OwnerAlerted} event the shell
 * turns into a toast for the owner. The entry point is {@link dev.dropdeploy.alerts.Webhooks}.
 */
package dev.dropdeploy.alerts;

/**
 * Running containers: hardening (non-root, no capabilities, read-only root, limits), per-project networks, health
 * probes from outside the container, runtime logs, reconciliation with Docker at start-up and the orphan reaper.
 */
package dev.dropdeploy.runtime;

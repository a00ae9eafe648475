/**
 * Per-app metrics: samples every live app's container (CPU, memory against its limit, network, restarts) and reads
 * Traefik's request counters per router (requests, 5xx, latency histogram), stores one point per app and sample in
 * PostgreSQL, rolls them up into 15-minute points and deletes what is older than the retention. The shell draws its
 * charts from {@link dev.dropdeploy.metrics.AppMetrics}.
 */
package dev.dropdeploy.metrics;

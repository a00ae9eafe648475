package dev.dropdeploy.runtime;

import org.springframework.util.unit.DataSize;

/**
 * What one app container may use.
 *
 * @param memory hard limit; the kernel kills the app (exit 137) beyond it
 * @param cpus fraction of CPUs, for example 0.5
 * @param pids maximum processes and threads, so a fork bomb stays inside its container
 */
public record ResourceLimits(DataSize memory, double cpus, long pids) {}

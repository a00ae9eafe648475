/**
 * Bounds on what tenants print: every limit on log lines, live readers, stored logs and log views is in
 * {@link dev.dropdeploy.output.OutputLimits} ({@code dropdeploy.output.*}), and the two helpers that enforce them
 * ({@link dev.dropdeploy.output.LineSplitter}, {@link dev.dropdeploy.output.Backlog}) live next to it. Depends on no
 * other module.
 */
package dev.dropdeploy.output;

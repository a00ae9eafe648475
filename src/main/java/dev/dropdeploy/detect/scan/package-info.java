/**
 * Bounded reading of an uploaded source tree: limits on file count, size and depth, symlinks never followed,
 * undecodable bytes tolerated. Nothing here knows about stacks.
 */
package dev.dropdeploy.detect.scan;

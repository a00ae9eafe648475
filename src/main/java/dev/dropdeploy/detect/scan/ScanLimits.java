package dev.dropdeploy.detect.scan;

/**
 * How much of an upload the detector looks at. Detection must stay fast on a hostile tree, so it reads a prefix of
 * the tree, never the whole of it.
 *
 * @param maxFiles files recorded before the walk stops
 * @param maxDepth folder depth below the root
 * @param maxReadBytes a file larger than this is listed but never read
 */
public record ScanLimits(int maxFiles, int maxDepth, long maxReadBytes) {

    public static final ScanLimits DEFAULT = new ScanLimits(5_000, 12, 512 * 1024);
}

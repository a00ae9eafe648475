package dev.dropdeploy.output;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every bound on tenant output in one place, so no build or app can exhaust DropDeploy's memory or database by
 * printing: a 1 GB line without a newline, millions of lines, or a reader that never reads.
 *
 * @param lineLength the longest line kept, in bytes of a stream or characters of a string; the rest of the line is
 *     dropped and the line ends with {@link LineSplitter#marker(int)}
 * @param followerBacklog lines a live reader (the SSE stream, an open page) may fall behind before the oldest are
 *     skipped with a note
 * @param storedHeadLines first lines of a deployment's log that are always stored (how the build started)
 * @param storedTailLines last lines of a deployment's log that are stored (how it ended); the middle is dropped with
 *     a "… N lines omitted …" line
 * @param fullLogsPerProject the newest deployments of a project that keep their log as stored; older ones are cut
 *     down to {@code olderHeadLines} and {@code olderTailLines}
 * @param olderHeadLines first lines kept of an older deployment's log
 * @param olderTailLines last lines kept of an older deployment's log (the failure, if any)
 * @param shownLines lines a log panel in the dashboard holds and shows; the download has the rest
 */
@Validated
@ConfigurationProperties("dropdeploy.output")
public record OutputLimits(
        @DefaultValue("8KB") @NotNull DataSize lineLength,
        @DefaultValue("1000") @Min(10) int followerBacklog,
        @DefaultValue("2000") @Min(1) int storedHeadLines,
        @DefaultValue("3000") @Min(1) int storedTailLines,
        @DefaultValue("10") @Min(1) int fullLogsPerProject,
        @DefaultValue("20") @Min(1) int olderHeadLines,
        @DefaultValue("100") @Min(1) int olderTailLines,
        @DefaultValue("1000") @Min(10) int shownLines) {

    /** {@link #lineLength} as an int, the unit every splitter and cap works in. */
    public int maxLine() {
        return (int) Math.min(Integer.MAX_VALUE - 64, lineLength.toBytes());
    }
}

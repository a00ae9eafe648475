package dev.dropdeploy.runtime;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.dropdeploy.output.LineSplitter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the engine's multiplexed log frames into lines of bounded length. A frame can end mid-line (and mid UTF-8
 * character), and stdout and stderr interleave, so each stream has its own splitter until a newline completes a line.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {

    private final Map<StreamType, LineSplitter> partial = new EnumMap<>(StreamType.class);
    private final Consumer<String> sink;
    private final int maxLine;

    /** @param maxLine an app printing a longer line (or one without a newline) is cut there */
    LogLines(Consumer<String> sink, int maxLine) {
        this.sink = sink;
        this.maxLine = maxLine;
    }

    @Override
    public void onNext(Frame frame) {
        accept(frame.getStreamType(), frame.getPayload());
    }

    @Override
    public void onComplete() {
        flush();
        super.onComplete();
    }

    synchronized void accept(StreamType stream, byte[] payload) {
        partial.computeIfAbsent(stream, s -> new LineSplitter(maxLine, sink)).accept(payload);
    }

    /** Emits what is left of unterminated lines, for example a crash message printed without a newline. */
    synchronized void flush() {
        partial.values().forEach(LineSplitter::flush);
    }
}

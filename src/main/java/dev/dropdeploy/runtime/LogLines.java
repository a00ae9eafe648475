package dev.dropdeploy.runtime;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the engine's multiplexed log frames into lines. A frame can end mid-line (and mid UTF-8 character), and stdout
 * and stderr interleave, so each stream keeps its own byte buffer until a newline completes a line.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {

    private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
    private final Consumer<String> sink;

    LogLines(Consumer<String> sink) {
        this.sink = sink;
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
        ByteArrayOutputStream buffer = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : payload) {
            if (b == '\n') {
                emit(buffer);
            } else {
                buffer.write(b);
            }
        }
    }

    /** Emits what is left of unterminated lines, for example a crash message printed without a newline. */
    synchronized void flush() {
        partial.values().stream().filter(buffer -> buffer.size() > 0).forEach(this::emit);
    }

    private void emit(ByteArrayOutputStream buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}

package dev.dropdeploy.cluster;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The last node events in memory, newest first, for the Nodes page: what happened since DropDeploy started. */
@Component
class NodeHistory {

    static final int KEPT = 20;

    record Entry(Instant at, String text) {}

    private final Deque<Entry> entries = new ArrayDeque<>();

    @EventListener
    void on(NodeDrained event) {
        add(event.at(), event.hostname() + " drained by " + event.by() + "; Swarm moves its tasks to other nodes");
    }

    @EventListener
    void on(NodeActivated event) {
        add(event.at(), event.hostname() + " made active by " + event.by());
    }

    @EventListener
    void on(NodeWentDown event) {
        add(
                event.at(),
                event.hostname() + " went " + event.state() + "; Swarm reschedules the " + event.tasksMoved()
                        + " DropDeploy task(s) it ran");
    }

    synchronized List<Entry> recent() {
        return List.copyOf(entries);
    }

    private synchronized void add(Instant at, String text) {
        entries.addFirst(new Entry(at, text));
        while (entries.size() > KEPT) {
            entries.removeLast();
        }
    }
}

package dev.dropdeploy.cluster;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One node on the Nodes page; its wording is in {@link #facts} and {@link #movedAway}, which tests read. */
final class NodeCard {

    private NodeCard() {}

    static Div of(Node node, Function<Node, Component> actions) {
        Div card = new Div();
        card.addClassName("node");
        card.getElement().setAttribute("data-node-id", node.id());
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-s)");
        H3 title = new H3(node.hostname() + (node.leader() ? " (leader)" : ""));
        title.getStyle().set("margin", "0");
        Span facts = new Span(facts(node));
        facts.addClassName("node-facts");
        facts.getStyle().set("display", "block");
        if (!node.ready()) {
            facts.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        card.add(title, facts);
        movedAway(node).ifPresent(text -> {
            Span moved = new Span(text);
            moved.addClassName("node-moved");
            moved.getStyle().set("display", "block");
            card.add(moved);
        });
        card.add(tasks(node), actions.apply(node));
        return card;
    }

    static String facts(Node node) {
        String manager = node.managerReachability().isEmpty() ? "" : ", " + node.managerReachability();
        String labels = node.labels().isEmpty()
                ? ""
                : " · labels "
                        + node.labels().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .sorted()
                                .collect(Collectors.joining(", "));
        return node.state().toUpperCase(Locale.ROOT) + " · " + node.role() + manager + " · " + node.availability()
                + " · " + cpus(node.cpus()) + ", " + memory(node.memoryBytes()) + " · Docker " + node.engineVersion()
                + (node.address().isEmpty() ? "" : " · " + node.address()) + labels;
    }

    static Optional<String> movedAway(Node node) {
        if (node.rescheduled() > 0) {
            return Optional.of(node.rescheduled() + " task(s) that ran here now run on other nodes");
        }
        if (!node.ready()) {
            return Optional.of("This node is " + node.state() + "; Swarm moves its tasks to other nodes");
        }
        return Optional.empty();
    }

    private static Component tasks(Node node) {
        if (node.tasks().isEmpty()) {
            Span none = new Span("No DropDeploy apps here");
            none.getStyle().set("display", "block");
            return none;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("node-tasks");
        node.tasks()
                .forEach(t -> list.add(new ListItem(t.project() + " v" + t.version() + " (" + t.service() + "): "
                        + t.state() + (t.running() || t.message().isBlank() ? "" : " — " + t.message()))));
        return list;
    }

    static String cpus(double cpus) {
        return (cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : String.format(Locale.ROOT, "%.1f", cpus))
                + (cpus == 1 ? " CPU" : " CPUs");
    }

    static String memory(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}

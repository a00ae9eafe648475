package dev.dropdeploy.cluster;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The administrator's view of the machines: one card per node with its state, role, availability, resources and
 * DropDeploy's tasks on it, Drain and Activate behind a confirmation, services short of tasks, and the node events
 * since start-up. Vaadin refuses it to non-admins; {@link Nodes} checks again.
 */
@Route("admin/nodes")
@PageTitle("Nodes · DropDeploy")
@RolesAllowed("ADMIN")
class NodesView extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Nodes nodes;
    private final NodeHistory history;
    private final AccountUser admin;
    private final Div content = new Div();

    NodesView(Nodes nodes, NodeHistory history, CurrentUser currentUser) {
        this.nodes = nodes;
        this.history = history;
        this.admin = currentUser.require();
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("nodes-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        content.setWidthFull();
        add(new H2("Nodes"), refresh, content);
        setMaxWidth("64rem");
        refresh();
    }

    private void refresh() {
        content.removeAll();
        Cluster cluster = nodes.read(admin);
        Paragraph mode = new Paragraph(cluster.message());
        mode.setId("cluster-mode");
        content.add(mode);
        cluster.services().stream()
                .filter(s -> !s.complete())
                .forEach(s -> content.add(warning(s.name() + ": " + s.running() + " of " + s.desired()
                        + " tasks running; Swarm is placing the rest (no node may be able to take them)")));
        cluster.nodes().forEach(node -> content.add(NodeCard.of(node, this::actions)));
        List<NodeHistory.Entry> recent = history.recent();
        if (!recent.isEmpty()) {
            UnorderedList events = new UnorderedList();
            events.setId("node-events");
            recent.forEach(e -> events.add(new ListItem(TIME.format(e.at()) + "  " + e.text())));
            content.add(new H3("Since DropDeploy started"), events);
        }
    }

    private Component actions(Node node) {
        Button button = node.drained()
                ? new Button("Activate", e -> confirm(node, "Activate", this::activateText, nodes::activate))
                : new Button("Drain", e -> confirm(node, "Drain", this::drainText, nodes::drain));
        button.addClassName("node-" + button.getText().toLowerCase(Locale.ROOT));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private String drainText(Node node) {
        long othersActive = nodes.read(admin).nodes().stream()
                .filter(n -> !n.id().equals(node.id()) && n.ready() && !n.drained())
                .count();
        String moved = "Swarm stops its " + node.tasks().size() + " DropDeploy task(s) there and starts them on other"
                + " nodes; no new tasks are placed on it until you activate it again.";
        return othersActive > 0
                ? moved
                : moved + " It is the last active node: its apps stop until a node is active again.";
    }

    private String activateText(Node node) {
        return "Swarm may place tasks on it again. Running tasks are not moved back; new deployments and replaced"
                + " tasks will use it.";
    }

    private void confirm(
            Node node, String verb, Function<Node, String> text, BiFunction<AccountUser, String, Node> change) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(verb + " " + node.hostname() + "?");
        dialog.add(new Paragraph(text.apply(node)));
        Button yes = new Button(verb, e -> {
            try {
                change.apply(admin, node.id());
                Notification.show(node.hostname() + ": " + verb.toLowerCase(Locale.ROOT) + " done");
            } catch (RuntimeException refused) {
                Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE);
            }
            dialog.close();
            refresh();
        });
        yes.setId("node-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if ("Drain".equals(verb)) {
            yes.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), yes);
        dialog.open();
    }

    private static Span warning(String text) {
        Span span = new Span(text);
        span.addClassName("cluster-warning");
        span.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        return span;
    }
}

package dev.dropdeploy.chat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.dropdeploy.chat.protocol.FileChange;
import java.time.Instant;
import java.util.List;

/**
 * The conversation as components: messages in Markdown message lists, a turn's files as compact chips (never code),
 * deploy steps as a timeline and the links at the end. Both the live turn and the stored history draw through here.
 */
class Transcript extends VerticalLayout {

    static final String ASSISTANT = "DropDeploy";

    private MessageListItem current;

    Transcript() {
        setPadding(false);
        setSpacing(false);
        setWidthFull();
        getElement().setAttribute("aria-live", "polite");
    }

    void user(String text) {
        current = null;
        add(list(new MessageListItem(text, Instant.now(), "You")));
    }

    /** Appends to the assistant's current message, starting one when needed. */
    void assistant(String delta) {
        if (current == null) {
            current = new MessageListItem("", Instant.now(), ASSISTANT);
            current.setUserColorIndex(2);
            add(list(current));
        }
        current.appendText(delta);
    }

    void endMessage() {
        current = null;
    }

    void files(int version, List<FileChange> changes) {
        current = null;
        Div chips = new Div();
        chips.addClassName("dd-files");
        chips.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "6px")
                .set("margin", "4px 0 4px 56px");
        chips.add(muted("Version " + version + ":"));
        for (FileChange change : changes) {
            chips.add(chip(change));
        }
        add(chips);
    }

    void step(String line) {
        current = null;
        Span step = muted("● " + line);
        step.addClassName("dd-step");
        step.getStyle().set("margin-left", "56px");
        add(step);
    }

    void live(int version, String url, String versionUrl, boolean runPage) {
        current = null;
        Div links = new Div(
                new Span(runPage ? "✅ Run page live: " : "✅ Live: "),
                link(url, "dd-live-link"),
                new Span("  ·  version " + version + ": "),
                link(versionUrl, "dd-version-link"));
        links.getStyle().set("margin", "6px 0 6px 56px").set("font-weight", "600");
        add(links);
    }

    void note(String markdown) {
        current = null;
        MessageListItem note = new MessageListItem(markdown, Instant.now(), ASSISTANT);
        note.setUserColorIndex(2);
        add(list(note));
    }

    void usage(String text) {
        current = null;
        Span usage = muted(text);
        usage.addClassName("dd-usage");
        usage.getStyle().set("margin-left", "56px").set("font-size", "var(--lumo-font-size-xs)");
        add(usage);
    }

    private static MessageList list(MessageListItem item) {
        MessageList list = new MessageList(item);
        list.setMarkdown(true);
        list.setWidthFull();
        return list;
    }

    private static Span chip(FileChange change) {
        String counts = switch (change.kind()) {
            case ADDED -> "+" + change.linesAdded();
            case DELETED -> "−" + change.linesRemoved();
            case CHANGED -> "+" + change.linesAdded() + " −" + change.linesRemoved();
        };
        Span chip = new Span(change.path() + "  " + change.label() + "  " + counts);
        chip.addClassName("dd-file-chip");
        chip.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "999px")
                .set("padding", "2px 10px")
                .set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)");
        return chip;
    }

    private static Anchor link(String url, String className) {
        Anchor anchor = new Anchor(url, url, AnchorTarget.BLANK);
        anchor.addClassName(className);
        return anchor;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return span;
    }
}

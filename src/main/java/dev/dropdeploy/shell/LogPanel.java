package dev.dropdeploy.shell;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.dropdeploy.output.Backlog;
import dev.dropdeploy.output.OutputLimits;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A log that can be searched, refreshed, appended to live and downloaded. It holds and shows only the last lines (a
 * {@link LogWindow}) and takes live lines through a {@link Backlog}, so a chatty app costs the page bounded memory and
 * at most one pending UI update; the download link has the rest.
 */
class LogPanel extends VerticalLayout {

    private final Pre text = new Pre();
    private final Span windowNote = new Span();
    private final TextField search = new TextField();
    private final Anchor download = new Anchor();
    private final LogWindow lines;
    private final int backlog;
    private Supplier<List<String>> source = List::of;
    private AutoCloseable following = () -> {};

    LogPanel(String id, OutputLimits limits) {
        this.lines = new LogWindow(limits.shownLines());
        this.backlog = limits.followerBacklog();
        setId(id);
        setPadding(false);
        search.setPlaceholder("Search the log");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> render());
        download.setText("Download");
        download.getElement().setAttribute("download", true);
        download.setVisible(false);
        Button refresh = new Button("Refresh", e -> reload());
        text.getStyle()
                .set("max-height", "28em")
                .set("overflow", "auto")
                .set("width", "100%")
                .set("white-space", "pre-wrap")
                .set("font-size", "var(--lumo-font-size-s)");
        windowNote.setVisible(false);
        add(new HorizontalLayout(search, refresh, download), windowNote, text);
    }

    void show(Supplier<List<String>> source, String downloadUrl) {
        this.source = source;
        download.setHref(downloadUrl == null ? "" : downloadUrl);
        download.setVisible(downloadUrl != null);
        reload();
    }

    /**
     * Appends what {@code subscribe} delivers, as it arrives, until another subscription replaces it or the panel
     * leaves the page; {@code null} only stops the current one.
     */
    void follow(Function<Consumer<String>, AutoCloseable> subscribe) {
        stopFollowing();
        if (subscribe != null) {
            UI ui = UI.getCurrent();
            Backlog<String> live = new Backlog<>(backlog);
            following = subscribe.apply(line -> {
                if (live.offer(line)) {
                    ui.access(() -> take(live));
                }
            });
        }
    }

    private void take(Backlog<String> live) {
        Backlog.Batch<String> batch = live.drain();
        if (batch.skipped() > 0) {
            lines.add(Backlog.skippedNote(batch.skipped()));
        }
        batch.items().forEach(lines::add);
        render();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopFollowing();
    }

    private void stopFollowing() {
        try {
            following.close();
        } catch (Exception e) {
            // the source may be gone already (a removed container); there is nothing else to release
        }
        following = () -> {};
    }

    void reload() {
        lines.replace(source.get());
        render();
    }

    private void render() {
        String needle = search.getValue().toLowerCase(Locale.ROOT);
        List<String> shown = lines.lines().stream()
                .filter(l -> needle.isEmpty() || l.toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        text.setText(shown.isEmpty() ? "(nothing yet)" : String.join("\n", shown));
        lines.note().ifPresentOrElse(windowNote::setText, () -> windowNote.setText(""));
        windowNote.setVisible(lines.note().isPresent());
    }
}

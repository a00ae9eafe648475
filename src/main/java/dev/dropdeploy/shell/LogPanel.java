package dev.dropdeploy.shell;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** A log that can be searched, refreshed, appended to live and downloaded. */
class LogPanel extends VerticalLayout {

    private static final int MAX_SHOWN = 5000;

    private final Pre text = new Pre();
    private final TextField search = new TextField();
    private final Anchor download = new Anchor();
    private final List<String> lines = new ArrayList<>();
    private Supplier<List<String>> source = List::of;
    private AutoCloseable following = () -> {};

    LogPanel(String id) {
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
        add(new HorizontalLayout(search, refresh, download), text);
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
            following = subscribe.apply(line -> ui.access(() -> append(line)));
        }
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

    void append(String line) {
        lines.add(line);
        render();
    }

    void reload() {
        lines.clear();
        lines.addAll(source.get());
        render();
    }

    private void render() {
        String needle = search.getValue().toLowerCase(Locale.ROOT);
        List<String> shown = lines.stream()
                .filter(l -> needle.isEmpty() || l.toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        List<String> tail = shown.subList(Math.max(0, shown.size() - MAX_SHOWN), shown.size());
        text.setText(tail.isEmpty() ? "(nothing yet)" : String.join("\n", tail));
    }
}

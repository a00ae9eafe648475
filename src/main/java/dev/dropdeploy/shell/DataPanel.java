package dev.dropdeploy.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.data.AttachedData;
import dev.dropdeploy.data.DataKind;
import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.data.ReadableSize;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.workspace.ProjectSummary;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The project's data: a data folder with its usage against the quota, a PostgreSQL database, a Valkey store. Each can
 * be attached in one click, downloaded, and detached only after the owner confirms its data is deleted. Rolling code
 * back never rolls data back, which the panel says.
 */
class DataPanel extends VerticalLayout {

    private final DataServices data;
    private final Deployments deployments;
    private final AccountUser user;
    private final ProjectSummary project;
    private final VerticalLayout rows = new VerticalLayout();

    DataPanel(DataServices data, Deployments deployments, AccountUser user, ProjectSummary project) {
        this.data = data;
        this.deployments = deployments;
        this.user = user;
        this.project = project;
        setPadding(false);
        setId("data");
        rows.setPadding(false);
        add(
                new Paragraph(
                        "Kept across redeploys, rollbacks and restarts. Rolling the code back never rolls the data"
                                + " back. Credentials reach the app as secret variables; nobody, the chat's model included,"
                                + " sees them."),
                rows);
        refresh();
    }

    private void refresh() {
        Map<DataKind, AttachedData> attached = data.list(user, project.id()).stream()
                .collect(Collectors.toMap(AttachedData::kind, Function.identity()));
        Map<DataKind, String> needed = needs();
        rows.removeAll();
        for (DataKind kind : DataKind.values()) {
            rows.add(row(kind, attached.get(kind), needed.get(kind)));
        }
    }

    /** What the latest deployment's detection says the app uses, so the panel can offer it before the app fails. */
    private Map<DataKind, String> needs() {
        Map<DataKind, String> needed = new java.util.EnumMap<>(DataKind.class);
        deployments.history(user, project.id()).stream()
                .findFirst()
                .flatMap(latest -> deployments.detection(user, latest.id()))
                .ifPresent(report -> report.warnings().forEach(w -> {
                    if (w.code().equals(DetectionWarning.NEEDS_POSTGRES)) {
                        needed.put(DataKind.POSTGRES, w.message());
                    } else if (w.code().equals(DetectionWarning.NEEDS_REDIS)) {
                        needed.put(DataKind.VALKEY, w.message());
                    }
                }));
        return needed;
    }

    private HorizontalLayout row(DataKind kind, AttachedData attached, String needed) {
        Span title = new Span(kind.label());
        title.getStyle().set("font-weight", "600").set("min-width", "8em");
        HorizontalLayout row = new HorizontalLayout(title);
        row.setId("data-" + kind.apiName());
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        if (attached == null) {
            Button attach = new Button("Attach", e -> attach(kind));
            attach.setId("data-attach-" + kind.apiName());
            Span what = new Span(needed == null ? kind.description() : needed);
            if (needed != null) {
                attach.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                what.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
            }
            row.add(what, attach);
            return row;
        }
        row.add(new Span(state(attached)));
        String api = "/api/v1/projects/" + project.slug() + "/data/";
        switch (kind) {
            case FOLDER -> row.add(download(api + "folder/archive", "Download (.tar)"));
            case POSTGRES -> row.add(download(api + "postgres/dump", "Export (pg_dump)"), importButton());
            case VALKEY -> {}
        }
        Button detach = new Button("Detach…", e -> confirmDetach(kind));
        detach.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        row.add(detach);
        return row;
    }

    private static String state(AttachedData attached) {
        if (attached.kind() == DataKind.FOLDER) {
            String used = attached.measuredAt() == null ? "not measured yet" : ReadableSize.of(attached.usedBytes());
            return "/data (DATA_DIR): " + used + " of " + ReadableSize.of(attached.quotaBytes());
        }
        return "Variables: " + String.join(", ", attached.kind().variables());
    }

    private static Anchor download(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("download", true);
        anchor.setRouterIgnore(true);
        return anchor;
    }

    private Upload importButton() {
        // Runs on the upload request, where the session may not be locked: messages go through access.
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            UI ui = getUI().orElseThrow();
            try {
                String report = data.importDatabase(user, project.id(), file.toPath());
                ui.access(() -> notify(report.isBlank() ? "Imported" : "Imported with warnings: " + report));
            } catch (RuntimeException e) {
                ui.access(() -> notify(e.getMessage()));
            } finally {
                file.delete();
            }
        }));
        upload.setUploadButton(new Button("Import a dump…"));
        upload.setDropAllowed(false);
        upload.setMaxFiles(1);
        return upload;
    }

    private void attach(DataKind kind) {
        try {
            data.attach(user, project.id(), kind);
            boolean running = deployments.live(user, project.id()).isPresent();
            notify(kind.label() + " attached." + (running ? " Restarting the app so it gets it." : ""));
            if (running) {
                restartLive();
            }
        } catch (RuntimeException e) {
            notify(e.getMessage());
        }
        refresh();
    }

    private void confirmDetach(DataKind kind) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Detach " + kind.label() + "?");
        Checkbox understood = new Checkbox("Delete its data for good (download it first if you may want it back)");
        understood.setId("data-detach-confirm");
        Button yes = new Button("Detach and delete", e -> {
            try {
                data.detach(user, project.id(), kind, understood.getValue());
                dialog.close();
            } catch (RuntimeException ex) {
                notify(ex.getMessage());
            }
            refresh();
        });
        yes.setEnabled(false);
        understood.addValueChangeListener(e -> yes.setEnabled(e.getValue()));
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Div(understood));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), yes);
        dialog.open();
    }

    /** A rollback to the live version reuses its image: only the container, with its new variables, is new. */
    private void restartLive() {
        deployments
                .live(user, project.id())
                .map(DeploymentView::version)
                .ifPresent(v -> deployments.rollback(user, project.id(), v));
    }

    private static void notify(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE);
    }
}

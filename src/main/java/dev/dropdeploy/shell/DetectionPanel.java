package dev.dropdeploy.shell;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Evidence;
import java.util.Optional;

/** The detection report in plain words: each decision with the file and line that made it. */
class DetectionPanel extends VerticalLayout {

    DetectionPanel() {
        setPadding(false);
        setId("detection");
    }

    void show(Optional<DetectionReport> report) {
        removeAll();
        if (report.isEmpty()) {
            add(new Paragraph("Not detected yet."));
            return;
        }
        DetectionReport r = report.get();
        add(new Paragraph(r.stack() + (r.framework() == null ? "" : " · " + r.framework()) + " · port " + r.port()
                + " · confidence " + Math.round(r.confidence() * 100) + "%"));
        UnorderedList evidence = new UnorderedList();
        r.evidence().forEach(e -> evidence.add(new ListItem(describe(e))));
        r.warnings().forEach(w -> evidence.add(new ListItem("Note: " + w.message())));
        r.runnerUp()
                .forEach(c -> evidence.add(new ListItem("Also considered: " + c.stack()
                        + (c.framework() == null ? "" : " " + c.framework()) + " (" + Math.round(c.score() * 100)
                        + "%): "
                        + c.reason())));
        add(evidence);
    }

    private static String describe(Evidence e) {
        String where = e.file() == null ? "" : " (" + e.file() + (e.line() > 0 ? ":" + e.line() : "") + ")";
        return e.decision() + ": " + e.reason() + where;
    }
}

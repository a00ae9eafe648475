package dev.dropdeploy.shell;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.sleep.SleepSettings;
import dev.dropdeploy.workspace.ProjectSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether the app sleeps now, and after how long without a request it may (off, 15 min, 1 h, ...). */
class SleepPanel extends VerticalLayout {

    /** The select's value for "what the installation says": no idle time of the project's own. */
    private static final Duration DEFAULT = Duration.ofSeconds(-1);

    private final SleepSettings settings;
    private final SleepingApps sleeping;
    private final AccountUser user;
    private final ProjectSummary project;
    private final Paragraph status = new Paragraph();
    // Radio buttons, as the administration page uses: a component already in the front-end bundle.
    private final RadioButtonGroup<Duration> idle = new RadioButtonGroup<>();

    SleepPanel(SleepSettings settings, SleepingApps sleeping, AccountUser user, ProjectSummary project) {
        this.settings = settings;
        this.sleeping = sleeping;
        this.user = user;
        this.project = project;
        setPadding(false);
        setId("sleep");
        status.setId("sleep-status");
        idle.setId("sleep-idle");
        idle.setLabel("Sleep after no request for");
        List<Duration> choices = new ArrayList<>(SleepSettings.CHOICES);
        choices.addFirst(DEFAULT);
        idle.setItems(choices);
        idle.setItemLabelGenerator(this::label);
        idle.setValue(settings.own(user, project.id()).orElse(DEFAULT));
        idle.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(e.getValue());
            }
        });
        add(status, idle);
        refresh();
    }

    private void apply(Duration choice) {
        try {
            settings.set(user, project.id(), choice.equals(DEFAULT) ? Optional.empty() : Optional.of(choice));
            Notification.show(
                    choice.isZero() ? "The app never sleeps" : "The app sleeps after " + label(effective()) + " idle");
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private Duration effective() {
        return settings.effective(user, project.id());
    }

    private String label(Duration choice) {
        if (choice.equals(DEFAULT)) {
            return "Installation default (" + words(settings.installationDefault()) + ")";
        }
        return words(choice);
    }

    static String words(Duration d) {
        if (d.isZero()) {
            return "never";
        }
        if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + " h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    void refresh() {
        Duration after = effective();
        if (sleeping.isAsleep(project.id())) {
            status.setText("Sleeping: its container is stopped, its data kept. The first visit wakes it in a few"
                    + " seconds; visitors see a short \"waking up\" page meanwhile.");
        } else if (after.isZero()) {
            status.setText("Never sleeps: it runs until you stop it.");
        } else {
            status.setText("Awake. It sleeps after " + words(after) + " without a request and wakes on the next one.");
        }
    }
}

package dev.dropdeploy.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.alerts.Webhook;
import dev.dropdeploy.alerts.WebhookUrlRefused;
import dev.dropdeploy.alerts.Webhooks;
import dev.dropdeploy.workspace.ProjectSummary;

/** The project's webhook: set it (the new secret is shown once), send a test, remove it. */
class WebhookPanel extends VerticalLayout {

    private final Webhooks webhooks;
    private final AccountUser user;
    private final ProjectSummary project;
    private final Paragraph status = new Paragraph();
    private final Paragraph secret = new Paragraph();
    private final TextField url = new TextField("Webhook URL");
    private final Button test = new Button("Send a test", e -> test());
    private final Button remove = new Button("Remove", e -> remove());

    WebhookPanel(Webhooks webhooks, AccountUser user, ProjectSummary project) {
        this.webhooks = webhooks;
        this.user = user;
        this.project = project;
        setPadding(false);
        setId("webhook");
        url.setId("webhook-url");
        url.setPlaceholder("https://hooks.example.com/dropdeploy");
        url.setWidth("28em");
        url.setMaxLength(2000);
        secret.setId("webhook-secret");
        Button save = new Button("Save", e -> save());
        save.setId("webhook-save");
        test.setId("webhook-test");
        remove.setId("webhook-remove");
        HorizontalLayout form = new HorizontalLayout(url, save, test, remove);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        add(
                new Paragraph("DropDeploy posts signed JSON here when a deployment goes live or fails, and when the app"
                        + " crashes, restarts or stays down."),
                status,
                form,
                secret);
        refresh();
    }

    private void save() {
        try {
            Webhooks.Saved saved = webhooks.set(user, project.id(), url.getValue());
            secret.setText("Signing secret (shown only now, keep it with your receiver): " + saved.secret());
            Notification.show("Webhook saved");
        } catch (WebhookUrlRefused e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void test() {
        webhooks.test(user, project.id())
                .ifPresent(result -> Notification.show(
                        (result.delivered() ? "Test delivered: " : "Test not delivered: ") + result.outcome(),
                        8000,
                        Notification.Position.MIDDLE));
        refresh();
    }

    private void remove() {
        webhooks.remove(user, project.id());
        secret.setText("");
        url.clear();
        Notification.show("Webhook removed");
        refresh();
    }

    private void refresh() {
        Webhook webhook = webhooks.find(user, project.id()).orElse(null);
        test.setEnabled(webhook != null);
        remove.setEnabled(webhook != null);
        if (webhook == null) {
            status.setText("No webhook.");
            return;
        }
        url.setValue(webhook.url());
        status.setText("Sending to " + webhook.url() + ". "
                + (webhook.lastOutcome() == null
                        ? "Nothing sent yet."
                        : "Last delivery (" + webhook.lastEvent() + ", " + Format.time(webhook.lastAttemptAt()) + "): "
                                + webhook.lastOutcome()));
    }
}

package dev.dropdeploy.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.git.GitConnectionView;
import dev.dropdeploy.git.GitConnections;
import dev.dropdeploy.git.GitPushView;
import dev.dropdeploy.git.NewGitConnection;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Connect the project to a Git repository's branch, or see the connection: the webhook's address, its secret once
 * (right after connecting), the recent pushes and the branch previews. The token goes in a password field and never
 * comes back to the browser.
 */
class GitPanel extends VerticalLayout {

    private final GitConnections git;
    private final AppAddresses addresses;
    private final AccountUser user;
    private final ProjectSummary project;

    GitPanel(GitConnections git, AppAddresses addresses, AccountUser user, ProjectSummary project) {
        this.git = git;
        this.addresses = addresses;
        this.user = user;
        this.project = project;
        setPadding(false);
        setId("git");
        show(null);
    }

    private void show(String secretOnce) {
        removeAll();
        git.find(user, project.id()).ifPresentOrElse(c -> connected(c, secretOnce), this::form);
    }

    private void form() {
        TextField url = new TextField("Repository (https)");
        url.setPlaceholder("https://github.com/owner/repo.git");
        url.setWidth("28em");
        TextField branch = new TextField("Branch", "main", "");
        TextField username = new TextField("User name (private repository)");
        PasswordField token = new PasswordField("Access token (private repository)");
        Button connect = new Button("Connect", e -> {
            try {
                NewGitConnection made = git.connect(
                        user, project.id(), url.getValue(), branch.getValue(), username.getValue(), token.getValue());
                show(made.secret());
            } catch (RuntimeException refused) {
                Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE);
            }
        });
        connect.setId("git-connect");
        HorizontalLayout fields = new HorizontalLayout(url, branch, username, token, connect);
        fields.setAlignItems(Alignment.BASELINE);
        fields.setWrap(true);
        add(
                new Paragraph("Deploy on every push: connect a repository, then add the webhook shown here to it."
                        + " Pushes of other branches get previews at <branch>--" + project.slug() + "."),
                fields);
    }

    private void connected(GitConnectionView connection, String secretOnce) {
        String webhook = webhookUrl(connection.hookPath());
        add(new Paragraph("Connected to " + connection.url() + ", branch " + connection.branch()
                + (connection.hasToken() ? " (with a token)" : "") + "."));
        TextField hook = readOnly("Webhook URL", webhook);
        hook.setId("git-webhook-url");
        add(hook);
        if (secretOnce != null) {
            TextField secret = readOnly("Webhook secret (shown once: copy it now)", secretOnce);
            secret.setId("git-webhook-secret");
            add(
                    secret,
                    new Paragraph("GitHub and Gitea: content type application/json, this secret, push events."
                            + " GitLab: this secret as the secret token, push events."));
        }
        Grid<GitPushView> pushes = new Grid<>();
        pushes.addColumn(p -> Format.time(p.receivedAt())).setHeader("When").setAutoWidth(true);
        pushes.addColumn(GitPushView::branch).setHeader("Branch").setAutoWidth(true);
        pushes.addColumn(p -> p.commitId() == null
                        ? ""
                        : p.commitId().substring(0, Math.min(7, p.commitId().length())))
                .setHeader("Commit")
                .setAutoWidth(true);
        pushes.addColumn(p -> p.message() == null
                        ? ""
                        : p.message().lines().findFirst().orElse(""))
                .setHeader("Message")
                .setFlexGrow(2);
        pushes.addColumn(GitPushView::outcome).setHeader("Outcome").setFlexGrow(3);
        pushes.setItems(connection.pushes());
        pushes.setAllRowsVisible(true);
        add(pushes);
        connection.previews().forEach(p -> {
            String link = addresses.link(addresses.projectHost(p.slug()));
            add(new HorizontalLayout(
                    new Paragraph("Preview of " + p.branch() + ": "),
                    new Anchor(link, link),
                    new Paragraph("until " + Format.time(p.expiresAt()))));
        });
        Button refresh = new Button("Refresh", e -> show(null));
        Button disconnect = new Button("Disconnect", e -> {
            git.disconnect(user, project.id());
            Notification.show("Disconnected; its previews are removed within a minute");
            show(null);
        });
        disconnect.setId("git-disconnect");
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new HorizontalLayout(refresh, disconnect));
    }

    private static TextField readOnly(String label, String value) {
        TextField field = new TextField(label, value, "");
        field.setReadOnly(true);
        field.setWidth("40em");
        return field;
    }

    private static String webhookUrl(String path) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null
                ? path
                : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                        .path(path)
                        .build()
                        .toUriString();
    }
}

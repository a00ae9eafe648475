package dev.dropdeploy.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.workspace.ProjectSummary;

/** Password protection on or off: visitors of the app must sign in with this user and password. */
class ProtectionPanel extends VerticalLayout {

    private final ProjectControls controls;
    private final AccountUser user;
    private final ProjectSummary project;
    private final Paragraph status = new Paragraph();
    private final TextField username = new TextField("User");
    private final PasswordField password = new PasswordField("Password");

    ProtectionPanel(ProjectControls controls, AccountUser user, ProjectSummary project) {
        this.controls = controls;
        this.user = user;
        this.project = project;
        setPadding(false);
        setId("protection");
        username.setId("protect-user");
        password.setId("protect-password");
        Button on = new Button("Turn on", e -> apply(true));
        on.setId("protect-on");
        Button off = new Button("Turn off", e -> apply(false));
        off.setId("protect-off");
        HorizontalLayout form = new HorizontalLayout(username, password, on, off);
        form.setAlignItems(Alignment.BASELINE);
        add(status, form);
        refresh();
    }

    private void apply(boolean protect) {
        try {
            if (protect) {
                controls.protect(user, project.id(), username.getValue(), password.getValue());
            } else {
                controls.unprotect(user, project.id());
            }
            password.clear();
            Notification.show(protect ? "Visitors now need the password" : "The app is open to everyone again");
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void refresh() {
        status.setText(
                controls.isProtected(user, project.id())
                        ? "Password protection is on: visitors must sign in."
                        : "Password protection is off: anyone with the link can open the app.");
    }
}

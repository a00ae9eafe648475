package dev.dropdeploy.account;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The administrator's page: users, who may sign up, invite links. Vaadin refuses it to non-admins; the services check
 * again, so nothing here depends on the view being unreachable.
 */
@Route("admin")
@PageTitle("Administration · DropDeploy")
@RolesAllowed("ADMIN")
class AdminView extends VerticalLayout {

    AdminView(
            UserAdministration users,
            PasswordResets resets,
            SignUpPolicies policies,
            Invites invites,
            CurrentUser currentUser) {
        AccountUser admin = currentUser.require();
        add(new H2("Administration"), new UsersPanel(users, resets, admin), new H3("Sign-up"), policy(policies, admin));
        add(new InvitesPanel(invites, admin));
        setMaxWidth("64rem");
    }

    private static RadioButtonGroup<SignUpPolicy> policy(SignUpPolicies policies, AccountUser admin) {
        RadioButtonGroup<SignUpPolicy> choice = new RadioButtonGroup<>("Who may create an account");
        choice.setId("signup-policy");
        choice.setItems(SignUpPolicy.values());
        choice.setItemLabelGenerator(AdminView::label);
        choice.setValue(policies.current());
        choice.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                policies.change(admin, e.getValue());
                Notification.show("Sign-up is now: " + label(e.getValue()));
            }
        });
        return choice;
    }

    private static String label(SignUpPolicy policy) {
        return switch (policy) {
            case OPEN -> "Anyone who can reach this page";
            case INVITE -> "Only people with an invite link";
            case CLOSED -> "Nobody (closed)";
        };
    }
}

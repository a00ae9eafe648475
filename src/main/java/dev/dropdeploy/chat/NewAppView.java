package dev.dropdeploy.chat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.chat.turn.NoModel;
import dev.dropdeploy.chat.turn.Turns;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/**
 * One box: describe the app, get a project (made only by the button, never by visiting a URL) and its chat with the
 * request filled in, ready to send.
 */
@Route("new")
@PageTitle("New app · DropDeploy")
@PermitAll
class NewAppView extends VerticalLayout {

    NewAppView(Projects projects, Turns turns, CurrentUser currentUser) {
        AccountUser user = currentUser.require();
        TextArea prompt = new TextArea("What should we build?");
        prompt.setId("new-app-prompt");
        prompt.setPlaceholder("build me a mortgage calculator");
        prompt.setWidthFull();
        prompt.setMaxLength(4000);
        Button start = new Button("Build it", e -> {
            String text = prompt.getValue().strip();
            if (text.isEmpty()) {
                prompt.setInvalid(true);
                prompt.setErrorMessage("Describe the app in a sentence");
                return;
            }
            ProjectSummary project = projects.create(user, ProjectNames.fromPrompt(text));
            e.getSource()
                    .getUI()
                    .ifPresent(ui -> ui.navigate(
                            "projects/" + project.slug() + "/chat", QueryParameters.simple(Map.of("prompt", text))));
        });
        start.setId("new-app-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("New app"), prompt, start);
        if (!turns.modelConfigured()) {
            add(new Paragraph(NoModel.MESSAGE.replaceAll("[*`]", "")));
        }
        setMaxWidth("48rem");
    }
}

package dev.dropdeploy.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.chat.LlmProperties;
import dev.dropdeploy.routing.RoutingProperties;
import jakarta.annotation.security.PermitAll;

/** Read-only view of the settings that shape what users get, with the way to change each. */
@Route("settings")
@PermitAll
@PageTitle("Settings · DropDeploy")
class SettingsView extends VerticalLayout {

    SettingsView(LlmProperties llm, RoutingProperties routing) {
        add(new H2("Settings"));
        add(new H3("Apps"));
        add(new Paragraph("Apps are published at <name>." + routing.appsDomain() + " on port " + routing.publicPort()
                + " (DROPDEPLOY_APPS_DOMAIN, DROPDEPLOY_HTTP_PORT)."));
        add(new H3("Language model"));
        add(llm.isConfigured() ? configured(llm) : notConfigured());
    }

    private static Paragraph configured(LlmProperties llm) {
        Paragraph text = new Paragraph("Using model " + llm.model() + " at " + llm.baseUrl() + ".");
        text.setId("llm-status");
        return text;
    }

    private static VerticalLayout notConfigured() {
        Paragraph text = new Paragraph("No language model is configured, so chat building is off. Pasting code, "
                + "uploading a zip and Git imports do not need one. To turn chat on, set these environment "
                + "variables before starting DropDeploy (any OpenAI-compatible endpoint works):");
        text.setId("llm-status");
        Pre example = new Pre("DROPDEPLOY_LLM_BASE_URL=https://api.openai.com/v1\n"
                + "DROPDEPLOY_LLM_API_KEY=sk-...\n"
                + "DROPDEPLOY_LLM_MODEL=gpt-4.1");
        VerticalLayout layout = new VerticalLayout(text, example);
        layout.setPadding(false);
        return layout;
    }
}

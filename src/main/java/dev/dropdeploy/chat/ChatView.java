package dev.dropdeploy.chat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.chat.memory.Conversation;
import dev.dropdeploy.chat.turn.NoModel;
import dev.dropdeploy.chat.turn.Turns;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import jakarta.annotation.security.PermitAll;

/** A project's conversation: history, the streaming turn, and the box to write the next request. */
@Route("projects/:slug/chat")
@PermitAll
@PageTitle("Chat · DropDeploy")
class ChatView extends VerticalLayout implements BeforeEnterObserver {

    private final Projects projects;
    private final AccountUser user;
    private final Conversation conversation;
    private final Turns turns;
    private final Transcript transcript = new Transcript();
    private final MessageInput input = new MessageInput();
    private ProjectSummary project;

    ChatView(Projects projects, Conversation conversation, Turns turns, CurrentUser currentUser) {
        this.user = currentUser.require();
        this.projects = projects;
        this.conversation = conversation;
        this.turns = turns;
        setSizeFull();
        input.setWidthFull();
        input.setId("chat-input");
        input.addSubmitListener(e -> send(e.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        project = projects.findOwned(user, slug).orElse(null);
        if (project == null) {
            event.forwardTo("new");
            return;
        }
        removeAll();
        add(header(), scroller(), input);
        History.replay(conversation.entries(project.id()), transcript);
        if (conversation.entries(project.id()).isEmpty() && !turns.modelConfigured()) {
            transcript.note(NoModel.MESSAGE);
        }
        event.getLocation().getQueryParameters().getSingleParameter("prompt").ifPresent(this::prefill);
    }

    /**
     * {@code ?prompt=} only fills the box, so the new-app page's request is not typed twice: a link must never spend
     * someone's model tokens or change their app, whoever sent it. The person presses Send.
     */
    private void prefill(String prompt) {
        // MessageInput has no Java API for its value; the web component's "value" property is its text.
        input.getElement().setProperty("value", prompt.strip());
    }

    private void send(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        transcript.user(text);
        input.setEnabled(false);
        turns.submit(
                user, project.id(), text, new UiSink(getUI().orElseThrow(), transcript, () -> input.setEnabled(true)));
    }

    private HorizontalLayout header() {
        H2 title = new H2(project.name());
        title.getStyle().set("margin", "0");
        Anchor versions = new Anchor("projects/" + project.slug() + "/versions", "Versions");
        versions.setId("versions-link");
        HorizontalLayout header = new HorizontalLayout(title, versions);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        return header;
    }

    private Scroller scroller() {
        Scroller scroller = new Scroller(transcript);
        scroller.setSizeFull();
        // Keep the newest message in view as the transcript grows.
        transcript
                .getElement()
                .executeJs(
                        "new MutationObserver(() => $0.scrollTop = $0.scrollHeight)"
                                + ".observe(this, {childList: true, subtree: true, characterData: true})",
                        scroller.getElement());
        return scroller;
    }
}

package dev.dropdeploy.account;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Sign-in, sign-up and password reset are small forms in the middle of the page, laid out in one place. */
final class SignInPages {

    private SignInPages() {}

    static void centre(VerticalLayout page) {
        page.setSizeFull();
        page.setAlignItems(FlexComponent.Alignment.CENTER);
        page.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    }
}

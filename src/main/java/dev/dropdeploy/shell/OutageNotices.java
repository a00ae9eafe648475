package dev.dropdeploy.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.dropdeploy.DatabaseOutages;
import org.springframework.stereotype.Component;

/**
 * A click that needs the database while it is down says so in a notification; without this the person saw nothing
 * happen. Every other error goes to Vaadin's default handler as before.
 */
@Component
class OutageNotices implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(OutageNotices::handle));
    }

    private static void handle(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui == null || !DatabaseOutages.isOutage(event.getThrowable())) {
            new DefaultErrorHandler().error(event);
            return;
        }
        Notification notice = Notification.show(
                "DropDeploy's database is temporarily unavailable; nothing was changed and your apps keep serving."
                        + " Try again in a minute.",
                8000,
                Notification.Position.MIDDLE);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}

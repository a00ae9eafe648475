package dev.dropdeploy.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What a page shows while PostgreSQL is down, instead of an internal error: a plain sentence, and a 503 so a proxy or
 * a monitor sees an outage, not a bug. Apps keep serving meanwhile (Traefik routes them without DropDeploy's database).
 */
@PermitAll
class DatabaseUnavailableView extends Div implements HasErrorParameter<DataAccessResourceFailureException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
        removeAll();
        add(
                new H2("Temporarily unavailable"),
                new Paragraph("DropDeploy's database cannot be reached right now; your apps keep serving. Reload this"
                        + " page in a minute."));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}

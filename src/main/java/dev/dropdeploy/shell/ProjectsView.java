package dev.dropdeploy.shell;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.util.List;

/** The start page: the user's projects, or an empty state that says what will appear here. */
@Route("")
@PageTitle("Projects · DropDeploy")
class ProjectsView extends VerticalLayout {

    ProjectsView(Projects projects, AppAddresses addresses) {
        add(new H2("Projects"));
        List<ProjectSummary> all = projects.list();
        if (all.isEmpty()) {
            add(emptyState(addresses));
        } else {
            add(grid(all, addresses));
        }
    }

    private static VerticalLayout emptyState(AppAddresses addresses) {
        Paragraph none = new Paragraph("No projects yet.");
        none.setId("empty-state");
        Paragraph what = new Paragraph("Each app you deploy appears here with its status and its own link, such as "
                + addresses.link(addresses.projectHost("my-app")) + ".");
        VerticalLayout layout = new VerticalLayout(none, what);
        layout.setPadding(false);
        return layout;
    }

    private static Grid<ProjectSummary> grid(List<ProjectSummary> all, AppAddresses addresses) {
        Grid<ProjectSummary> grid = new Grid<>();
        grid.addColumn(ProjectSummary::name).setHeader("Name");
        grid.addComponentColumn(project -> {
                    String link = addresses.link(addresses.projectHost(project.slug()));
                    return new Anchor(link, link);
                })
                .setHeader("Link");
        grid.addColumn(ProjectSummary::createdAt).setHeader("Created");
        grid.setItems(all);
        return grid;
    }
}

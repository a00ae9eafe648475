package dev.dropdeploy.support;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.workspace.Projects;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Users that a browser test signs up through the page, which leaves the test holding a name but no {@link
 * AccountUser}: their projects are deleted with their containers after the test, as {@link InstallationIT} does for
 * its own, or the apps keep running on the engine after the build (their restart policy brings them back).
 */
public final class BrowserSignUps {

    private BrowserSignUps() {}

    public static void deleteProjectsOf(ApplicationContext context, String username) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (UUID id : jdbc.queryForList("select id from app_user where username = ?", UUID.class, username)) {
            AccountUser user = new AccountUser(id, username, false);
            ProjectControls controls = context.getBean(ProjectControls.class);
            context.getBean(Projects.class).idsOwnedBy(user).forEach(project -> controls.delete(user, project, true));
        }
    }
}

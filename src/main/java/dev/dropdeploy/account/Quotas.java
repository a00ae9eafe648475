package dev.dropdeploy.account;

import org.springframework.stereotype.Component;

/**
 * Checks the per-user limits. Callers count what the user has (this module knows no projects or deployments) and
 * ask before they create more.
 */
@Component
public class Quotas {

    private final QuotaProperties limits;

    Quotas(QuotaProperties limits) {
        this.limits = limits;
    }

    /** @throws QuotaExceeded when {@code owned} projects already reach the limit */
    public void checkNewProject(AccountUser user, long owned) {
        if (owned >= limits.maxProjects()) {
            throw new QuotaExceeded(
                    "You have " + owned + " projects, the most allowed is " + limits.maxProjects()
                            + ". Delete one you no longer need, or ask an administrator to raise dropdeploy.quota.max-projects.");
        }
    }

    /** @throws QuotaExceeded when {@code inProgress} deployments already reach the limit */
    public void checkNewDeployment(AccountUser user, long inProgress) {
        if (inProgress >= limits.maxConcurrentBuilds()) {
            throw new QuotaExceeded("You already have " + inProgress + " deployments in progress, the most allowed is "
                    + limits.maxConcurrentBuilds() + ". Wait for one to finish, then deploy again.");
        }
    }

    /**
     * A project that is already live may be redeployed; one that is not would add a running app.
     *
     * @throws QuotaExceeded when that would exceed the running-apps limit
     */
    public void checkRunningApps(AccountUser user, long running, boolean projectAlreadyRunning) {
        if (!projectAlreadyRunning && running >= limits.maxRunningApps()) {
            throw new QuotaExceeded("You have " + running + " apps running, the most allowed is "
                    + limits.maxRunningApps() + ". Stop or delete one first.");
        }
    }
}

package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotasTest {

    final Quotas quotas = new Quotas(new QuotaProperties(3, 2, 1));
    final AccountUser user = new AccountUser(UUID.randomUUID(), "ann", false);

    @Test
    void aUserBelowTheProjectLimitMayCreateOneMore() {
        assertThatCode(() -> quotas.checkNewProject(user, 2)).doesNotThrowAnyException();
    }

    @Test
    void aUserAtTheProjectLimitIsToldTheLimitAndWhatToDo() {
        assertThatThrownBy(() -> quotas.checkNewProject(user, 3))
                .isInstanceOf(QuotaExceeded.class)
                .hasMessageContaining("the most allowed is 3")
                .hasMessageContaining("dropdeploy.quota.max-projects");
    }

    @Test
    void aDeploymentWaitsForTheUsersOthersToFinishBeyondTheConcurrencyLimit() {
        assertThatCode(() -> quotas.checkNewDeployment(user, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> quotas.checkNewDeployment(user, 1))
                .isInstanceOf(QuotaExceeded.class)
                .hasMessageContaining("deployments in progress");
    }

    @Test
    void aLiveProjectMayBeRedeployedEvenAtTheRunningAppsLimit() {
        assertThatCode(() -> quotas.checkRunningApps(user, 2, true)).doesNotThrowAnyException();
    }

    @Test
    void aProjectThatIsNotRunningMayNotStartAtTheRunningAppsLimit() {
        assertThatThrownBy(() -> quotas.checkRunningApps(user, 2, false))
                .isInstanceOf(QuotaExceeded.class)
                .hasMessageContaining("2 apps running");
    }
}

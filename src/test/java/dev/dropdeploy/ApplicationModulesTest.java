package dev.dropdeploy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ApplicationModulesTest {

    @Test
    void modulesOnlyUseEachOthersPublicEntryPoints() {
        ApplicationModules.of(DropDeployApplication.class).verify();
    }
}

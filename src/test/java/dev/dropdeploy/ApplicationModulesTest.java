package dev.dropdeploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ApplicationModulesTest {

    @Test
    void modulesOnlyUseEachOthersPublicEntryPoints() {
        ApplicationModules.of(DropDeployApplication.class).verify();
    }

    @Test
    void noChatCodeCanReachEnvironmentValuesSoNoneReachesTheModel() {
        noClasses()
                .that()
                .resideInAPackage("dev.dropdeploy.chat..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.dropdeploy.workspace.environment..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.dropdeploy"));
    }
}

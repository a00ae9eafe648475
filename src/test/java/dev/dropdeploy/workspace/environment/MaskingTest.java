package dev.dropdeploy.workspace.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.Projects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskingTest {

    @TempDir
    Path temp;

    @Test
    void aSecretIsListedMaskedWhileAPlainValueIsShownAndTheContainerGetsBoth() {
        UUID projectId = UUID.randomUUID();
        AccountUser owner = mock(AccountUser.class);
        StoredVariableRepository repository = mock(StoredVariableRepository.class);
        when(repository.findByProjectIdAndName(any(), any())).thenReturn(Optional.empty());
        EnvironmentVariables variables = new EnvironmentVariables(
                mock(Projects.class),
                repository,
                new SealedValues(new SecretsProperties(null, temp.resolve("secret.key"))),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        List<StoredVariable> saved = new java.util.ArrayList<>();
        when(repository.save(any())).thenAnswer(call -> {
            saved.add(call.getArgument(0));
            return call.getArgument(0);
        });
        when(repository.findByProjectIdOrderByName(projectId)).thenReturn(saved);

        variables.set(owner, projectId, "API_TOKEN", "s3cr3t", true);
        variables.set(owner, projectId, "GREETING", "hello", false);

        assertThat(variables.list(owner, projectId))
                .extracting(EnvironmentVariable::name, EnvironmentVariable::shownValue)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("API_TOKEN", "••••"),
                        org.assertj.core.api.Assertions.tuple("GREETING", "hello"));
        assertThat(saved).extracting(StoredVariable::encryptedValue).noneMatch(v -> v.contains("s3cr3t"));
        assertThat(variables.forContainer(projectId))
                .containsEntry("API_TOKEN", "s3cr3t")
                .containsEntry("GREETING", "hello");
    }
}

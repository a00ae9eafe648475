package dev.dropdeploy.workspace.environment;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.Projects;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's environment variables and secrets. Owners set and list them (secrets masked); only the deploy pipeline
 * reads the decrypted values, through {@link #forContainer}, to hand them to the container at run time. Changes
 * take effect on the next deployment. Another user's project reads as absent.
 */
@Service
public class EnvironmentVariables {

    private final Projects projects;
    private final StoredVariableRepository repository;
    private final SealedValues box;
    private final Clock clock;

    EnvironmentVariables(Projects projects, StoredVariableRepository repository, SealedValues box, Clock clock) {
        this.projects = projects;
        this.repository = repository;
        this.box = box;
        this.clock = clock;
    }

    /** Adds or changes one variable. @throws IllegalArgumentException for a bad or reserved name or a huge value */
    @Transactional
    public void set(AccountUser user, UUID projectId, String name, String value, boolean secret) {
        projects.owned(user, projectId);
        VariableNames.checkName(name);
        VariableNames.checkValue(value);
        StoredVariable variable =
                repository.findByProjectIdAndName(projectId, name).orElseGet(() -> new StoredVariable(projectId, name));
        variable.change(box.seal(value), secret, clock.instant());
        repository.save(variable);
    }

    /** @return whether there was such a variable */
    @Transactional
    public boolean remove(AccountUser user, UUID projectId, String name) {
        projects.owned(user, projectId);
        return repository
                .findByProjectIdAndName(projectId, name)
                .map(v -> {
                    repository.delete(v);
                    return true;
                })
                .orElse(false);
    }

    /** Every variable by name; a secret's value is masked and not even decrypted. */
    @Transactional(readOnly = true)
    public List<EnvironmentVariable> list(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return repository.findByProjectIdOrderByName(projectId).stream()
                .map(v -> new EnvironmentVariable(
                        v.name(),
                        v.secret() ? EnvironmentVariable.MASK : box.open(v.encryptedValue()),
                        v.secret(),
                        v.updatedAt()))
                .toList();
    }

    /**
     * The decrypted values for the app container. System-level, with no owner check: for the deploy pipeline only,
     * never for anything that shows values to people or to a language model.
     */
    @Transactional(readOnly = true)
    public Map<String, String> forContainer(UUID projectId) {
        Map<String, String> env = new LinkedHashMap<>();
        repository.findByProjectIdOrderByName(projectId).forEach(v -> env.put(v.name(), box.open(v.encryptedValue())));
        return env;
    }

    /**
     * Sets variables DropDeploy itself owns for the project (a managed database's credentials) as secrets. System-level,
     * with no owner check: the caller has checked that the person may change the project.
     */
    @Transactional
    public void setManaged(UUID projectId, Map<String, String> values) {
        values.forEach((name, value) -> {
            VariableNames.checkName(name);
            StoredVariable variable = repository
                    .findByProjectIdAndName(projectId, name)
                    .orElseGet(() -> new StoredVariable(projectId, name));
            variable.change(box.seal(value), true, clock.instant());
            repository.save(variable);
        });
    }

    /** Removes variables DropDeploy set with {@link #setManaged}; system-level like it. */
    @Transactional
    public void removeManaged(UUID projectId, java.util.Collection<String> names) {
        names.forEach(name -> repository.findByProjectIdAndName(projectId, name).ifPresent(repository::delete));
    }
}

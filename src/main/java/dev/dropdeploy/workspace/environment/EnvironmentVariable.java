package dev.dropdeploy.workspace.environment;

import java.time.Instant;

/** What people may see of a variable: a secret's value is always {@link #MASK}, never the value itself. */
public record EnvironmentVariable(String name, String shownValue, boolean secret, Instant updatedAt) {

    public static final String MASK = "••••";
}

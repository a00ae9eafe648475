package dev.dropdeploy.detect.scaffold;

import java.util.regex.Pattern;

/**
 * Pasted Go code without go.mod: the module file a person would create with {@code go mod init}. Its requirements
 * and go.sum are left to the build, which runs {@code go mod tidy} when go.sum is missing (see the Go analyzer), so
 * the module versions are the ones the proxy has, not guessed here.
 */
public final class GoModule implements Scaffold.Step {

    private static final Pattern MAIN_PACKAGE = Pattern.compile("(?m)^package\\s+main\\b");

    @Override
    public void accept(Scaffold s) {
        if (s.has("go.mod")
                || s.withExtension("go").stream()
                        .noneMatch(p -> MAIN_PACKAGE.matcher(s.files().get(p)).find())) {
            return;
        }
        s.add(
                "go.mod",
                "module app\n\ngo 1.22\n",
                "Added go.mod (module app) because the Go code had none; the build runs go mod tidy, which adds the"
                        + " modules your imports need and writes go.sum.");
    }
}

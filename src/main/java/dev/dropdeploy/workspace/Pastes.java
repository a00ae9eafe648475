package dev.dropdeploy.workspace;

import dev.dropdeploy.workspace.paste.PasteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Pasted text as a version: the files an AI chat's answer names (or one snippet, named from its content), completed
 * by the scaffolder so they run. A paste replaces the project's files, like every other input.
 */
@Service
public class Pastes {

    private static final Path NOWHERE = Path.of("/paste");

    private final Workspaces workspaces;

    Pastes(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    /**
     * What the paste would become, without recording anything.
     *
     * @throws WorkspaceException when no code is found or a name points outside the project
     */
    public PasteResult read(String text) {
        PasteReader.Recognised recognised = PasteReader.read(text);
        recognised.files().keySet().forEach(path -> SourceTree.inside(NOWHERE, path));
        PasteReader.Completion completion = PasteReader.complete(recognised.files());
        Map<String, String> pasted = new java.util.LinkedHashMap<>(recognised.files());
        pasted.putAll(completion.changed());
        return new PasteResult(
                java.util.Collections.unmodifiableMap(pasted),
                completion.added(),
                recognised.notes(),
                completion.notes(),
                completion.startCommand());
    }

    /**
     * The files an answer names in Markdown (a name in the fence, a first-line comment, or a line such as {@code
     * **index.html**} above the block), by path; blocks without a name are left out. Empty when none. Paths that
     * leave the project are left out too.
     */
    public Map<String, String> namedFiles(String answer) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        PasteReader.namedBlocks(answer).forEach((path, content) -> {
            try {
                SourceTree.inside(NOWHERE, path);
                files.put(path, content);
            } catch (WorkspaceException e) {
                // a name that points outside the project is not a file of it
            }
        });
        return files;
    }

    /** Records the paste as the project's next version; nothing is recorded when it is refused. */
    public PastedVersion commit(UUID projectId, String text) {
        PasteResult result = read(text);
        return new PastedVersion(workspaces.commitFiles(projectId, result.files(), result.commitMessage()), result);
    }

    static void write(Path folder, Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path path = SourceTree.inside(folder, file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }
}

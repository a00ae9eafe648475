package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

/** One non-bare repository per project under the workspace root; every snapshot is one commit on its branch. */
@Component
class JGitVersionStore implements VersionStore {

    private static final PersonIdent AUTHOR = new PersonIdent("DropDeploy", "dropdeploy@localhost");

    private final Path root;

    JGitVersionStore(WorkspaceProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    @Override
    public String commitSnapshot(UUID projectId, Path source, String message) {
        Path dir = repositoryDir(projectId);
        try (Git git = openOrInit(dir)) {
            replaceWorkingTree(dir, source);
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setAllowEmpty(true)
                    .setSign(false)
                    .call();
            return commit.getName();
        } catch (GitAPIException | IOException e) {
            throw new WorkspaceException("Could not record the new version: " + e.getMessage(), e);
        }
    }

    @Override
    public void export(UUID projectId, String commitId, Path target) {
        try (Git git = Git.open(repositoryDir(projectId).toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            writeTree(git.getRepository(), commit, target);
        } catch (IOException e) {
            throw new WorkspaceException("Could not read version " + commitId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(UUID projectId) {
        deleteRecursively(repositoryDir(projectId));
    }

    private Path repositoryDir(UUID projectId) {
        return root.resolve(projectId.toString());
    }

    private static Git openOrInit(Path dir) throws IOException, GitAPIException {
        if (Files.isDirectory(dir.resolve(".git"))) {
            return Git.open(dir.toFile());
        }
        Files.createDirectories(dir);
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    private static void replaceWorkingTree(Path dir, Path source) throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            top.filter(p -> !p.getFileName().toString().equals(".git")).forEach(JGitVersionStore::deleteRecursively);
        }
        SourceTree.copy(source, dir);
    }

    private static void writeTree(Repository repository, RevCommit commit, Path target) throws IOException {
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue; // snapshots never hold links or submodules; skip anything else defensively
                }
                Path file = SourceTree.inside(target, tree.getPathString());
                Files.createDirectories(file.getParent());
                try (InputStream in = repository.open(tree.getObjectId(0)).openStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                if (mode == FileMode.EXECUTABLE_FILE) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

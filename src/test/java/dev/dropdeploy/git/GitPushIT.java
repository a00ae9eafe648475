package dev.dropdeploy.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.workspace.ProjectSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project connected to a repository on a real Git server on this machine ({@code git http-backend}, with a token):
 * a pushed commit arrives by a signed webhook and goes live through Traefik with its message recorded; a forged
 * signature deploys nothing; another branch gets a preview at {@code <branch>--<slug>} that goes when the branch is
 * deleted or its time to live is over.
 */
class GitPushIT extends LiveInstallationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration DEPLOYED = Duration.ofMinutes(4);

    @DynamicPropertySource
    static void allowTheLocalGitServer(DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.workspace.git-allow-local", () -> "true");
    }

    @Autowired
    ApiKeys keys;

    @Autowired
    GitConnections connections;

    @Autowired
    PreviewSweeper sweeper;

    @Autowired
    AppAddresses addresses;

    @Autowired
    GitProperties properties;

    @Value("${local.server.port}")
    int port;

    @TempDir
    Path temp;

    GitHttpServer server;
    String key;

    @BeforeAll
    void startTheGitServer() throws Exception {
        server = new GitHttpServer(Files.createTempDirectory("dd-git-server-"));
        key = keys.create(owner, "git").key();
    }

    @AfterAll
    void stopTheGitServer() {
        server.close();
    }

    @Test
    void aSignedPushGoesLiveWithItsMessageAForgedOneDoesNothingAndABranchGetsAPreviewUntilItIsDeleted()
            throws Exception {
        ProjectSummary project = newProject("git shop");
        String origin = server.createRepository("shop");
        Git work = Git.init()
                .setDirectory(temp.resolve("work").toFile())
                .setInitialBranch("main")
                .call();
        RevCommit first = commit(work, "<h1>hello from main one</h1>", "Say hello from main\n\nThe first page.");
        push(work, origin, "main");

        JsonNode connected = api("PUT", "/projects/" + project.slug() + "/git", """
                {"url": "%s", "branch": "main", "username": "%s", "token": "%s"}""".formatted(
                        origin, GitHttpServer.USER, GitHttpServer.TOKEN));
        String secret = connected.path("secret").asString();
        String hook = connected.path("webhookUrl").asString();
        assertThat(secret).hasSize(64);
        assertThat(hook).startsWith("http://localhost:" + port + "/api/v1/hooks/git/");
        String shown = apiText("GET", "/projects/" + project.slug() + "/git");
        assertThat(shown)
                .doesNotContain(secret)
                .doesNotContain(GitHttpServer.TOKEN)
                .contains("\"hasToken\":true");

        HttpResponse<String> forged = github(hook, "push", pushBody("main", first), "not-the-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("does not match");
        HttpResponse<String> unsigned = send(hook, "push", pushBody("main", first), null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(workspaces.versions(project.id())).isEmpty();
        assertThat(connections.find(owner, project.id()).orElseThrow().pushes()).isEmpty();

        HttpResponse<String> accepted = github(hook, "push", pushBody("main", first), secret);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        DeploymentView live = awaitLive(project.id(), 1);
        assertThat(workspaces.version(project.id(), 1).orElseThrow().message())
                .isEqualTo("Say hello from main (" + first.abbreviate(7).name() + " on main)");
        GitPushView recorded =
                connections.find(owner, project.id()).orElseThrow().pushes().getFirst();
        assertThat(recorded.commitId()).isEqualTo(first.name());
        assertThat(recorded.message()).isEqualTo("Say hello from main\n\nThe first page.");
        assertThat(recorded.outcome()).startsWith("Deploying version 1");
        assertThat(Http.send(Http.toApp(live.url())).body()).contains("hello from main one");

        assertThat(github(hook, "ping", "{\"zen\": \"Keep it simple.\"}", secret)
                        .body())
                .contains("Ignored");

        work.checkout().setCreateBranch(true).setName("feature/login").call();
        RevCommit feature = commit(work, "<h1>the login preview</h1>", "Add the login page");
        push(work, origin, "feature/login");
        assertThat(github(hook, "push", pushBody("feature/login", feature), secret)
                        .statusCode())
                .isEqualTo(202);
        GitPreviewView preview = awaitPreview(project);
        assertThat(preview.slug()).isEqualTo("feature-login--" + project.slug());
        DeploymentView previewLive = awaitLive(preview.projectId(), 1);
        assertThat(previewLive.url()).isEqualTo(addresses.link(addresses.projectHost(preview.slug())));
        assertThat(Http.send(Http.toApp(previewLive.url())).body()).contains("the login preview");
        assertThat(Http.send(Http.toApp(live.url())).body()).contains("hello from main one");
        assertThat(projects.list(owner)).extracting(ProjectSummary::id).doesNotContain(preview.projectId());

        work.push()
                .setRemote(origin)
                .setRefSpecs(new RefSpec(":refs/heads/feature/login"))
                .setCredentialsProvider(credentials())
                .call();
        assertThat(github(hook, "push", deletedBody("feature/login", feature), secret)
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> projects.findAsSystem(preview.projectId()).isEmpty());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.send(Http.toApp(previewLive.url())).statusCode() == 404);
        assertThat(Http.send(Http.toApp(live.url())).body()).contains("hello from main one");
    }

    @Test
    void aPreviewIsRemovedOnceItsTimeToLiveIsOver() throws Exception {
        ProjectSummary project = newProject("git ttl");
        String origin = server.createRepository("ttl");
        Git work = Git.init()
                .setDirectory(temp.resolve("ttl").toFile())
                .setInitialBranch("main")
                .call();
        commit(work, "<p>main</p>", "main");
        push(work, origin, "main");
        NewGitConnection made =
                connections.connect(owner, project.id(), origin, "main", GitHttpServer.USER, GitHttpServer.TOKEN);
        String hook = "http://localhost:" + port + made.connection().hookPath();
        work.checkout().setCreateBranch(true).setName("try-this").call();
        RevCommit tried = commit(work, "<p>tried</p>", "Try this");
        push(work, origin, "try-this");

        assertThat(gitea(hook, pushBody("try-this", tried), made.secret()).statusCode())
                .isEqualTo(202);
        GitPreviewView preview = awaitPreview(project);
        awaitLive(preview.projectId(), 1);

        sweeper.sweep(Instant.now().plus(properties.previewTtl()).minus(Duration.ofMinutes(5)));
        assertThat(projects.findAsSystem(preview.projectId())).isPresent();
        sweeper.sweep(Instant.now().plus(properties.previewTtl()).plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> projects.findAsSystem(preview.projectId()).isEmpty());
        assertThat(connections.find(owner, project.id()).orElseThrow().previews())
                .isEmpty();
    }

    @Test
    void hostileWebhooksAreAnsweredInPlainWordsAndChangeNothing() throws Exception {
        ProjectSummary project = newProject("git hostile");
        NewGitConnection made =
                connections.connect(owner, project.id(), server.createRepository("hostile"), "main", null, null);
        String hook = "http://localhost:" + port + made.connection().hookPath();

        HttpResponse<String> unknown = github(hook + "x", "push", "{}", made.secret());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No project is connected");
        String huge = "{\"ref\": \"refs/heads/main\", \"pad\": \""
                + "x".repeat((int) properties.hookBodyLimit().toBytes()) + "\"}";
        assertThat(github(hook, "push", huge, made.secret()).statusCode()).isEqualTo(413);
        HttpResponse<String> form = github(hook, "push", "payload=%7B%7D", made.secret());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("application/json");
        HttpResponse<String> tag = github(
                hook, "push", "{\"ref\": \"refs/tags/v1\", \"after\": \"" + "a".repeat(40) + "\"}", made.secret());
        assertThat(tag.statusCode()).isEqualTo(200);
        assertThat(tag.body()).contains("not tags");
        HttpResponse<String> noEvent =
                Http.send(HttpRequest.newBuilder(URI.create(hook)).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(noEvent.statusCode()).isEqualTo(401);

        assertThat(connections.find(owner, project.id()).orElseThrow().pushes()).isEmpty();
        assertThat(workspaces.versions(project.id())).isEmpty();
        connections.disconnect(owner, project.id());
        assertThat(github(hook, "push", "{}", made.secret()).statusCode()).isEqualTo(404);
    }

    private GitPreviewView awaitPreview(ProjectSummary project) {
        return await().atMost(DEPLOYED)
                .until(
                        () -> connections.find(owner, project.id()).orElseThrow().previews().stream()
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private DeploymentView awaitLive(UUID projectId, int version) {
        return await().atMost(DEPLOYED)
                .until(
                        () -> deployments.latest(owner, projectId).orElse(null),
                        d -> d != null && d.version() == version && d.state() == DeploymentState.LIVE
                                || d != null && d.state() == DeploymentState.FAILED && fail(d));
    }

    private static boolean fail(DeploymentView d) {
        throw new AssertionError("The deployment failed: " + d.reason());
    }

    private static RevCommit commit(Git work, String page, String message) throws Exception {
        Files.writeString(work.getRepository().getWorkTree().toPath().resolve("index.html"), page);
        work.add().addFilepattern(".").call();
        return work.commit()
                .setMessage(message)
                .setAuthor("Test", "test@example.com")
                .setCommitter("Test", "test@example.com")
                .setSign(false)
                .call();
    }

    private static void push(Git work, String origin, String branch) throws Exception {
        work.push()
                .setRemote(origin)
                .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                .setCredentialsProvider(credentials())
                .call();
    }

    private static UsernamePasswordCredentialsProvider credentials() {
        return new UsernamePasswordCredentialsProvider(GitHttpServer.USER, GitHttpServer.TOKEN);
    }

    /** GitHub's push payload, with only the fields DropDeploy reads and a few it does not. */
    private static String pushBody(String branch, RevCommit commit) {
        return """
                {"ref": "refs/heads/%s", "before": "%s", "after": "%s", "deleted": false,
                 "head_commit": {"id": "%s", "message": %s},
                 "repository": {"full_name": "test/shop"}}""".formatted(
                        branch,
                        ObjectId.zeroId().name(),
                        commit.name(),
                        commit.name(),
                        JSON.writeValueAsString(commit.getFullMessage()));
    }

    private static String deletedBody(String branch, RevCommit before) {
        return """
                {"ref": "refs/heads/%s", "before": "%s", "after": "%s", "deleted": true, "head_commit": null}""".formatted(branch, before.name(), ObjectId.zeroId().name());
    }

    private static HttpResponse<String> github(String hook, String event, String body, String secret) {
        return send(hook, event, body, secret == null ? null : Payloads.githubSignature(secret, bytes(body)));
    }

    private static HttpResponse<String> send(String hook, String event, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return Http.send(request);
    }

    private static HttpResponse<String> gitea(String hook, String body, String secret) {
        return Http.send(HttpRequest.newBuilder(URI.create(hook))
                .header("Content-Type", "application/json")
                .header("X-Gitea-Event", "push")
                .header("X-Gitea-Signature", HookSignatures.hmac(secret, bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode api(String method, String path, String body) throws Exception {
        return JSON.readTree(apiText(method, path, body));
    }

    private String apiText(String method, String path) throws Exception {
        return apiText(method, path, null);
    }

    private String apiText(String method, String path, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}

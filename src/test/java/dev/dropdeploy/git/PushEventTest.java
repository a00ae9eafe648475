package dev.dropdeploy.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushEventTest {

    @Test
    void aGithubPushNamesTheBranchTheNewTipAndItsMessage() {
        PushEvent push = PushEvent.parse(Payloads.read("github-push.json"), false);
        assertThat(push)
                .isEqualTo(new PushEvent(
                        "main",
                        "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
                        "Fix the checkout button\n\nIt posted twice.",
                        false));
    }

    @Test
    void aGitlabPushTakesTheMessageOfTheCommitThatIsTheNewTip() {
        PushEvent push = PushEvent.parse(Payloads.read("gitlab-push.json"), false);
        assertThat(push.branch()).isEqualTo("feature/login");
        assertThat(push.message()).isEqualTo("Add the login form\n");
    }

    @Test
    void aGiteaPushIsReadLikeGithubs() {
        PushEvent push = PushEvent.parse(Payloads.read("gitea-push.json"), false);
        assertThat(push.commitId()).isEqualTo("bffeb74224043ba2feb48d137756c8a9331c449a");
        assertThat(push.message()).isEqualTo("Webhooks Yay!");
    }

    @Test
    void aDeletedBranchIsADeletionWithoutACommit() {
        PushEvent push = PushEvent.parse(Payloads.read("github-branch-deleted.json"), false);
        assertThat(push).isEqualTo(new PushEvent("feature/login", null, null, true));
    }

    @Test
    void anAllZeroAfterIsADeletionEvenWithoutTheDeletedFlag() {
        byte[] gitlab = """
                {"ref": "refs/heads/old", "after": "0000000000000000000000000000000000000000", "commits": []}""".getBytes(StandardCharsets.UTF_8);
        assertThat(PushEvent.parse(gitlab, false).deleted()).isTrue();
    }

    @Test
    void aDeleteEventOfABranchNamesIt() {
        byte[] body = """
                {"ref": "feature/login", "ref_type": "branch", "pusher_type": "user"}""".getBytes(StandardCharsets.UTF_8);
        assertThat(PushEvent.parse(body, true)).isEqualTo(new PushEvent("feature/login", null, null, true));
    }

    @Test
    void aTagIsNotABranch() {
        byte[] body = """
                {"ref": "refs/tags/v1.0", "after": "bffeb74224043ba2feb48d137756c8a9331c449a"}""".getBytes(StandardCharsets.UTF_8);
        assertThat(PushEvent.parse(body, false).branch()).isNull();
    }

    @Test
    void aBodyThatIsNotAPushIsRefusedWithAPlainReason() {
        assertThatThrownBy(() -> PushEvent.parse("payload=%7B%7D".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("application/json");
        assertThatThrownBy(() -> PushEvent.parse("[1,2]".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"ref\"");
    }
}

package dev.dropdeploy.git;

import static dev.dropdeploy.git.Payloads.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HookSignaturesTest {

    private static final String SECRET = "It's a Secret to Everybody";

    @Test
    void githubsOwnDocumentedExampleSignatureIsAccepted() {
        // From GitHub's "Validating webhook deliveries": this body and secret give this signature.
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        var verified = HookSignatures.verify(
                headers(Map.of(
                        "X-GitHub-Event",
                        "push",
                        "X-Hub-Signature-256",
                        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")),
                body,
                SECRET);
        assertThat(verified.provider()).isEqualTo(Provider.GITHUB);
    }

    @Nested
    class GitHub {

        private final byte[] body = Payloads.read("github-push.json");

        @Test
        void aPushSignedWithTheSecretIsAPush() {
            var verified = HookSignatures.verify(
                    headers(Map.of(
                            "X-GitHub-Event", "push", "X-Hub-Signature-256", Payloads.githubSignature(SECRET, body))),
                    body,
                    SECRET);
            assertThat(verified.isPush()).isTrue();
        }

        @Test
        void aSignatureMadeWithAnotherSecretIsRefused() {
            assertThatThrownBy(() -> HookSignatures.verify(
                            headers(Map.of(
                                    "X-GitHub-Event",
                                    "push",
                                    "X-Hub-Signature-256",
                                    Payloads.githubSignature("guessed", body))),
                            body,
                            SECRET))
                    .isInstanceOf(HookRefused.class)
                    .hasMessageContaining("does not match");
        }

        @Test
        void aBodyChangedAfterSigningIsRefused() {
            byte[] changed = new String(body, StandardCharsets.UTF_8)
                    .replace("refs/heads/main", "refs/heads/evil")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> HookSignatures.verify(
                            headers(Map.of(
                                    "X-GitHub-Event",
                                    "push",
                                    "X-Hub-Signature-256",
                                    Payloads.githubSignature(SECRET, body))),
                            changed,
                            SECRET))
                    .isInstanceOf(HookRefused.class);
        }

        @Test
        void aMissingSignatureIsRefusedWithWhatToSet() {
            assertThatThrownBy(() -> HookSignatures.verify(headers(Map.of("X-GitHub-Event", "push")), body, SECRET))
                    .isInstanceOf(HookRefused.class)
                    .hasMessageContaining("X-Hub-Signature-256 header is missing");
        }

        @Test
        void aSignedPingIsVerifiedButIsNotAPush() {
            var verified = HookSignatures.verify(
                    headers(Map.of(
                            "X-GitHub-Event", "ping", "X-Hub-Signature-256", Payloads.githubSignature(SECRET, body))),
                    body,
                    SECRET);
            assertThat(verified.isPush()).isFalse();
            assertThat(verified.isDelete()).isFalse();
        }
    }

    @Nested
    class GitLab {

        private final byte[] body = Payloads.read("gitlab-push.json");

        @Test
        void aPushHookWithTheSecretTokenIsAPush() {
            var verified = HookSignatures.verify(
                    headers(Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET)), body, SECRET);
            assertThat(verified.provider()).isEqualTo(Provider.GITLAB);
            assertThat(verified.isPush()).isTrue();
        }

        @Test
        void aWrongTokenIsRefused() {
            assertThatThrownBy(() -> HookSignatures.verify(
                            headers(Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET + "x")),
                            body,
                            SECRET))
                    .isInstanceOf(HookRefused.class)
                    .hasMessageContaining("not this webhook's secret token");
        }

        @Test
        void aMissingTokenIsRefused() {
            assertThatThrownBy(
                            () -> HookSignatures.verify(headers(Map.of("X-Gitlab-Event", "Push Hook")), body, SECRET))
                    .isInstanceOf(HookRefused.class)
                    .hasMessageContaining("X-Gitlab-Token header is missing");
        }

        @Test
        void aTagPushHookIsNotAPush() {
            var verified = HookSignatures.verify(
                    headers(Map.of("X-Gitlab-Event", "Tag Push Hook", "X-Gitlab-Token", SECRET)), body, SECRET);
            assertThat(verified.isPush()).isFalse();
        }
    }

    @Nested
    class GiteaAndForgejo {

        private final byte[] body = Payloads.read("gitea-push.json");

        @Test
        void aPushSignedWithTheBareHexHmacIsAPushEvenWithGithubsHeadersBesideIt() {
            var verified = HookSignatures.verify(
                    headers(Map.of(
                            "X-Gitea-Event", "push",
                            "X-Gitea-Signature", HookSignatures.hmac(SECRET, body),
                            // Gitea also sends GitHub's event header; an unsigned one must not be what is checked.
                            "X-GitHub-Event", "push")),
                    body,
                    SECRET);
            assertThat(verified.provider()).isEqualTo(Provider.GITEA);
            assertThat(verified.isPush()).isTrue();
        }

        @Test
        void forgejosOwnHeadersAreChecked() {
            var verified = HookSignatures.verify(
                    headers(Map.of(
                            "X-Forgejo-Event", "push", "X-Forgejo-Signature", HookSignatures.hmac(SECRET, body))),
                    body,
                    SECRET);
            assertThat(verified.provider()).isEqualTo(Provider.FORGEJO);
        }

        @Test
        void aForgedSignatureIsRefused() {
            assertThatThrownBy(() -> HookSignatures.verify(
                            headers(Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", "00".repeat(32))),
                            body,
                            SECRET))
                    .isInstanceOf(HookRefused.class)
                    .hasMessageContaining("X-Gitea-Signature signature does not match");
        }

        @Test
        void aMissingSignatureIsRefused() {
            assertThatThrownBy(() -> HookSignatures.verify(headers(Map.of("X-Gitea-Event", "push")), body, SECRET))
                    .isInstanceOf(HookRefused.class)
                    .hasMessageContaining("X-Gitea-Signature header is missing");
        }

        @Test
        void anIssueEventIsNotAPush() {
            var verified = HookSignatures.verify(
                    headers(Map.of("X-Gitea-Event", "issues", "X-Gitea-Signature", HookSignatures.hmac(SECRET, body))),
                    body,
                    SECRET);
            assertThat(verified.isPush()).isFalse();
        }
    }

    @Test
    void aRequestWithoutAnyProvidersEventHeaderIsRefused() {
        assertThatThrownBy(() -> HookSignatures.verify(headers(Map.of()), "{}".getBytes(), SECRET))
                .isInstanceOf(HookRefused.class)
                .hasMessageContaining("no event header");
    }
}

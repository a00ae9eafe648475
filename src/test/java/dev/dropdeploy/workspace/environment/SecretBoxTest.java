package dev.dropdeploy.workspace.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(randomKey());

    @Test
    void aValueSurvivesTheRoundTrip() {
        assertThat(box.decrypt(box.encrypt("s3cr3t ✓ with unicode"))).isEqualTo("s3cr3t ✓ with unicode");
        assertThat(box.decrypt(box.encrypt(""))).isEmpty();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTimeAndNeverInPlainText() {
        String first = box.encrypt("s3cr3t");
        String second = box.encrypt("s3cr3t");

        assertThat(first).isNotEqualTo(second).doesNotContain("s3cr3t");
        assertThat(Base64.getDecoder().decode(first)).hasSize(12 + "s3cr3t".length() + 16);
    }

    @Test
    void aChangedCiphertextIsRefusedRatherThanDecryptedToSomethingElse() {
        byte[] sealed = Base64.getDecoder().decode(box.encrypt("s3cr3t"));
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> box.decrypt(Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void anotherKeyCannotReadTheValue() {
        String sealed = box.encrypt("s3cr3t");

        assertThatThrownBy(() -> new SecretBox(randomKey()).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> box.decrypt("not base64 at all!")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.decrypt("AAAA")).isInstanceOf(IllegalStateException.class);
    }

    static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }
}

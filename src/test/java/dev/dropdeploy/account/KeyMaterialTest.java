package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void aNewKeyHasTheMarkAndThirtyTwoRandomBytes() {
        String key = KeyMaterial.newKey();

        assertThat(key).startsWith("dd_").hasSize(3 + 43);
        assertThat(KeyMaterial.looksLikeKey(key)).isTrue();
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(KeyMaterial.newKey());
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theStoredHashIsTheSha256OfTheKeyAndNeverTheKey() {
        String key = KeyMaterial.newKey();

        assertThat(KeyMaterial.hash(key))
                .hasSize(64)
                .isEqualTo(KeyMaterial.hash(key))
                .doesNotContain(key.substring(3));
        assertThat(KeyMaterial.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void thePrefixShowsOnlyTheMarkAndEightCharacters() {
        String key = KeyMaterial.newKey();

        assertThat(KeyMaterial.prefix(key)).isEqualTo(key.substring(0, 11));
    }

    @Test
    void headersThatAreNoKeyAreRejectedWithoutALookup() {
        assertThat(KeyMaterial.looksLikeKey(null)).isFalse();
        assertThat(KeyMaterial.looksLikeKey("")).isFalse();
        assertThat(KeyMaterial.looksLikeKey("dd_short")).isFalse();
        assertThat(KeyMaterial.looksLikeKey("xx_" + "a".repeat(43))).isFalse();
    }
}

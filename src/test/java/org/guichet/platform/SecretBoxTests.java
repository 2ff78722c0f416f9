package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    private static final byte[] SECRET = "a key of twenty byte".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY = "Z3VpY2hldC1kZW1vLWtleS1uZXZlci1mb3ItcHJvZCE=";
    private static final String OTHER_KEY = "b3RoZXIta2V5LTMyLWJ5dGVzLWxvbmctZm9yLXRlc3Q=";

    @Test
    void sealWhenOpenedThenSameSecretAndNeverTheSameCiphertext() {
        var box = box(KEY);

        var once = box.seal(SECRET);
        var twice = box.seal(SECRET);

        assertThat(box.open(once)).isEqualTo(SECRET);
        assertThat(once).isNotEqualTo(twice).doesNotContain("YSBrZXkgb2YgdHdlbnR5IGJ5dGU");
        assertThat(once).matches("k[0-9a-f]{8}:.+");
    }

    @Test
    void openWhenTamperedThenRefused() {
        var box = box(KEY);
        var sealed = box.seal(SECRET);
        var tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void openWhenKeyRotatedThenFormerSecretsStillReadButSealedWithTheNewKey() {
        var before = box(KEY);
        var sealedBefore = before.seal(SECRET);
        var after = new SecretBox("the test key", OTHER_KEY, List.of(KEY));

        assertThat(after.open(sealedBefore)).isEqualTo(SECRET);
        assertThat(after.seal(SECRET).substring(0, 9)).isNotEqualTo(sealedBefore.substring(0, 9));
        var forgotten = box(OTHER_KEY);
        assertThatThrownBy(() -> forgotten.open(sealedBefore)).hasMessageContaining("no longer configured");
    }

    @Test
    void createWhenKeyIsNotThirtyTwoBytesThenClearError() {
        assertThatThrownBy(() -> box("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    private static SecretBox box(String key) {
        return new SecretBox("the test key", key, List.of());
    }
}

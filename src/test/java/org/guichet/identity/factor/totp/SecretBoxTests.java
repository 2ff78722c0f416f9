package org.guichet.identity.factor.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.guichet.identity.TestSettings;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    private static final byte[] SECRET = "a key of twenty byte".getBytes(StandardCharsets.US_ASCII);
    private static final String OTHER_KEY = "b3RoZXIta2V5LTMyLWJ5dGVzLWxvbmctZm9yLXRlc3Q=";

    @Test
    void sealWhenOpenedThenSameSecretAndNeverTheSameCiphertext() {
        var box = new SecretBox(TestSettings.defaults());

        var once = box.seal(SECRET);
        var twice = box.seal(SECRET);

        assertThat(box.open(once)).isEqualTo(SECRET);
        assertThat(once).isNotEqualTo(twice).doesNotContain("YSBrZXkgb2YgdHdlbnR5IGJ5dGU");
        assertThat(once).matches("k[0-9a-f]{8}:.+");
    }

    @Test
    void openWhenTamperedThenRefused() {
        var box = new SecretBox(TestSettings.defaults());
        var sealed = box.seal(SECRET);
        var tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void openWhenKeyRotatedThenFormerSecretsStillReadButSealedWithTheNewKey() {
        var before = new SecretBox(TestSettings.defaults());
        var sealedBefore = before.seal(SECRET);
        var after = new SecretBox(TestSettings.defaults(
                Map.of("totp.encryption-key", OTHER_KEY, "totp.previous-keys", TestSettings.TOTP_KEY)));

        assertThat(after.open(sealedBefore)).isEqualTo(SECRET);
        assertThat(after.seal(SECRET).substring(0, 9)).isNotEqualTo(sealedBefore.substring(0, 9));
        var forgotten = new SecretBox(TestSettings.defaults(Map.of("totp.encryption-key", OTHER_KEY)));
        assertThatThrownBy(() -> forgotten.open(sealedBefore)).hasMessageContaining("no longer configured");
    }

    @Test
    void createWhenKeyIsNotThirtyTwoBytesThenClearError() {
        assertThatThrownBy(() -> new SecretBox(TestSettings.defaults(Map.of("totp.encryption-key", "c2hvcnQ="))))
                .hasMessageContaining("32 bytes");
    }
}

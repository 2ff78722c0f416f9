package org.guichet.identity.factor.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpCodesTests {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: the SHA-1 test vectors (8 digits). */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void codeWhenRfcVectorsThenSameCodes(long seconds, String expected) {
        var codes = new TotpCodes(RFC_KEY, "SHA1", 8, Duration.ofSeconds(30));

        assertThat(codes.code(codes.step(Instant.ofEpochSecond(seconds)))).isEqualTo(expected);
    }

    @Test
    void findWhenCodeOfNeighbourStepThenThatStepWithinReachOnly() {
        var codes = new TotpCodes(RFC_KEY, "SHA1", 6, Duration.ofSeconds(30));
        var now = Instant.ofEpochSecond(1_700_000_000L);
        var current = codes.step(now);

        assertThat(codes.find(codes.code(current), now, 1)).hasValue(current);
        assertThat(codes.find(codes.code(current - 1), now, 1)).hasValue(current - 1);
        assertThat(codes.find(codes.code(current + 1), now, 1)).hasValue(current + 1);
        assertThat(codes.find(codes.code(current + 2), now, 1)).isEmpty();
        assertThat(codes.find(codes.code(current - 20), now, 20)).hasValue(current - 20);
        assertThat(codes.find("000000x", now, 1)).isEmpty();
    }
}

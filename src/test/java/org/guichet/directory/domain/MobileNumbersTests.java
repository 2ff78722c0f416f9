package org.guichet.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "06 39 98 12 34",
                "0639981234",
                "06.39.98.12.34",
                "06-39-98-12-34",
                "+33 6 39 98 12 34",
                "+33 (0)6 39 98 12 34",
                "0033 6 39 98 12 34"
            })
    void normalizeWhenFrenchMobileWrittenAnyWayThenE164(String written) {
        assertThat(MobileNumbers.normalize(written)).contains("+33639981234");
    }

    @Test
    void normalizeWhenForeignNumberThenE164Kept() {
        assertThat(MobileNumbers.normalize("+32 470 12 34 56")).contains("+32470123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 23 45 67 89", "06 39 98", "call me", "+33 6 39 98 12 34 56", "12345"})
    void normalizeWhenLandlineTooShortOrNotANumberThenEmpty(String written) {
        assertThat(MobileNumbers.normalize(written)).isEmpty();
    }
}

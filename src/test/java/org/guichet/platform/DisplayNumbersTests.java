package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DisplayNumbersTests {

    @Test
    void yearWhenWrittenThenNeverGrouped() {
        assertThat(DisplayNumbers.year(2026)).isEqualTo("2026");
    }

    @Test
    void amountWhenPrintedThenFrenchGroupingWithPlainSpacesForPdfs() {
        assertThat(DisplayNumbers.amount(new BigDecimal("1923.66"))).isEqualTo("1 923,66");
        assertThat(DisplayNumbers.euros(new BigDecimal("12345.6"))).isEqualTo("12 345,60 €");
    }

    @Test
    void amountWhenShownThenInTheReadersLanguage() {
        assertThat(DisplayNumbers.euros(new BigDecimal("1923.66"), Locale.FRENCH))
                .matches("1\\h923,66\\h€");
        assertThat(DisplayNumbers.euros(new BigDecimal("1923.66"), Locale.ENGLISH))
                .isEqualTo("€1,923.66");
    }

    @Test
    void daysWhenShownThenAHalfWhenThereIsOne() {
        assertThat(DisplayNumbers.days(new BigDecimal("2.50"), Locale.FRENCH)).isEqualTo("2,5");
        assertThat(DisplayNumbers.days(new BigDecimal("18"), Locale.ENGLISH)).isEqualTo("18");
    }
}

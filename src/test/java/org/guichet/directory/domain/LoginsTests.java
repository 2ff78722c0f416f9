package org.guichet.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginsTests {

    @Test
    void generateWhenNamesHaveAccentsAndApostrophesThenPlainLowerCase() {
        assertThat(Logins.generate("Hélène", "N'Diaye-Le Gall", taken -> false)).isEqualTo("helene.ndiaye-le-gall");
        assertThat(Logins.generate("Théo", "Moreau", taken -> false)).isEqualTo("theo.moreau");
        assertThat(Logins.generate("Jean François", "Lefèvre", taken -> false)).isEqualTo("jean-francois.lefevre");
        assertThat(Logins.generate("Zoë", "Œuvrard", taken -> false)).isEqualTo("zoe.oeuvrard");
    }

    @Test
    void generateWhenLoginTakenThenNumericSuffixFromTwo() {
        var taken = Set.of("camille.martin", "camille.martin2");
        assertThat(Logins.generate("Camille", "Martin", taken::contains)).isEqualTo("camille.martin3");
        assertThat(Logins.generate("Camille", "Martin", Set.of("camille.martin")::contains))
                .isEqualTo("camille.martin2");
    }

    @Test
    void generateWhenNamesAreVeryLongThenLoginStaysValid() {
        var login = Logins.generate("A".repeat(80), "B".repeat(80), taken -> false);
        assertThat(login.length()).isLessThanOrEqualTo(Logins.MAX_LENGTH);
        assertThat(Logins.isValid(login)).isTrue();
    }

    @Test
    void generateWhenNameHasNoLatinLetterThenStillValid() {
        assertThat(Logins.isValid(Logins.generate("李", "王", taken -> false))).isTrue();
    }

    @Test
    void isValidWhenUpperCaseSpacesOrTrailingDotThenFalse() {
        assertThat(Logins.isValid("camille.martin")).isTrue();
        assertThat(Logins.isValid("Camille.Martin")).isFalse();
        assertThat(Logins.isValid("camille martin")).isFalse();
        assertThat(Logins.isValid("camille.")).isFalse();
        assertThat(Logins.isValid("")).isFalse();
    }
}

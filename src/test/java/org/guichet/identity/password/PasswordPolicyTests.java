package org.guichet.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.Role;
import org.guichet.identity.PasswordProblem;
import org.guichet.identity.TestSettings;
import org.guichet.testing.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final PasswordPolicy POLICY = new PasswordPolicy(TestSettings.defaults());

    private static final AgentProfile HELENE =
            Profiles.agent("Hélène", "N'Diaye", AgentStatus.ACTIVE, Set.of(Role.AGENT));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tortue velo nuage",
                "Soleil-Marteau-42-Nuage",
                "Mon chat s’appelle Pixel",
                "Lundi-Matin-Voirie-9"
            })
    void checkWhenPassphraseThenAccepted(String candidate) {
        var check = POLICY.check(candidate, HELENE, Locale.FRENCH);

        assertThat(check.problems()).isEmpty();
        assertThat(check.acceptable()).isTrue();
        assertThat(check.score()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void checkWhenShorterThanTwelveThenTooShort() {
        assertThat(POLICY.check("Xq7#pL2!vB", null, Locale.FRENCH).problems()).contains(PasswordProblem.TOO_SHORT);
    }

    @Test
    void checkWhenLongerThanMaximumThenTooLongAndNothingTruncated() {
        var longest = "cheval agrafe correcte batterie ".repeat(4).substring(0, 128);

        assertThat(POLICY.check(longest, null, Locale.FRENCH).acceptable()).isTrue();
        assertThat(POLICY.check(longest + "x", null, Locale.FRENCH).problems())
                .containsExactly(PasswordProblem.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "motdepasse2024!",
                "Password123456!",
                "azertyuiop123",
                "123456789012",
                "Printemps2026!",
                "qwertyuiop12"
            })
    void checkWhenCommonOrBreachedThenCommon(String candidate) {
        var check = POLICY.check(candidate, null, Locale.FRENCH);

        assertThat(check.acceptable()).isFalse();
        assertThat(check.problems()).containsAnyOf(PasswordProblem.COMMON, PasswordProblem.TOO_WEAK);
    }

    @Test
    void commonListWhenLoadedThenAtLeastTenThousandPasswords() {
        assertThat(POLICY.commonCount()).isGreaterThanOrEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Helene-aime-les-velos-bleus",
                "ndiaye!Chateau-Rouge-88",
                "mon matricule 1234567 ok",
                "HELENE.NDIAYE.forever.2027"
            })
    void checkWhenBuiltFromOwnNamesLoginOrSoiThenPersonal(String candidate) {
        assertThat(POLICY.check(candidate, HELENE, Locale.FRENCH).problems()).contains(PasswordProblem.PERSONAL);
    }

    @Test
    void checkWhenWeakThenHintsInTheAgentsLanguage() {
        var french = POLICY.check("aaaaaaaaaaaaaa", null, Locale.FRENCH);
        var english = POLICY.check("aaaaaaaaaaaaaa", null, Locale.ENGLISH);

        assertThat(french.problems()).contains(PasswordProblem.TOO_WEAK);
        assertThat(french.hints()).anyMatch(hint -> hint.contains("répétitions"));
        assertThat(english.hints())
                .anyMatch(hint -> hint.toLowerCase(Locale.ROOT).contains("repeat"));
        assertThat(french.score()).isLessThanOrEqualTo(1);
    }
}

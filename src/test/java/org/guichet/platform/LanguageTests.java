package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class LanguageTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void pageWhenNoChoiceThenFrenchEvenIfBrowserPrefersEnglish() {
        var page = mvc.get()
                .uri("/login")
                .header("Accept-Language", "en-GB,en;q=0.9")
                .exchange();

        assertThat(page).bodyText().contains("<html lang=\"fr\"", "Se connecter à Guichet", ">English</a>");
    }

    @Test
    void pageWhenEnglishChosenThenEnglishAndChoiceRemembered() {
        var page = mvc.get().uri("/login?lang=en").exchange();

        assertThat(page).bodyText().contains("<html lang=\"en\"", "Sign in to Guichet", ">Français</a>");
        var cookie = page.getResponse().getCookie("guichet_lang");
        assertThat(cookie).isNotNull();
        assertThat(mvc.get().uri("/legal").cookie(cookie).exchange()).bodyText().contains("Legal notice");
    }

    @Test
    void pageWhenUnsupportedLanguageThenFrench() {
        assertThat(mvc.get().uri("/login?lang=de").exchange()).bodyText().contains("<html lang=\"fr\"");
    }

    @Test
    void publicPagesWhenAnonymousThenReadable() {
        assertThat(mvc.get().uri("/legal").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Mentions légales</h1>", "323-1 à 323-7")
                .doesNotContain("RGAA");
        assertThat(mvc.get().uri("/accessibility").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Déclaration d’accessibilité</h1>", "RGAA", "partiellement conforme");
        assertThat(mvc.get().uri("/help?lang=en").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Help and contact</h1>", "IT helpdesk")
                .doesNotContain("RGAA");
    }
}

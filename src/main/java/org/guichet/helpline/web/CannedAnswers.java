package org.guichet.helpline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The helpdesk's ready answers, in French and in English (messages {@code helpline.canned.<code>.label} and {@code
 * .text}): chosen in a list, they fill the answer, which the helpdesk can still change before sending.
 */
@Component
@ConditionalOnWebApplication
class CannedAnswers {

    static final List<String> CODES =
            List.of("UNLOCKED", "ENROLMENT_CODE", "USE_VPN", "REMOTE_ACCESS", "PASSWORD_RESET", "MORE_DETAILS");

    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final MessageSource messages;

    CannedAnswers(MessageSource messages) {
        this.messages = messages;
    }

    /** One ready answer: its key ({@code fr.UNLOCKED}), its language, label and text. */
    record Canned(String key, String language, String label, String text) {}

    List<Canned> all() {
        var all = new ArrayList<Canned>();
        for (var language : LANGUAGES) {
            for (var code : CODES) {
                all.add(new Canned(
                        language.getLanguage() + "." + code,
                        language.getLanguage(),
                        messages.getMessage("helpline.canned." + code + ".label", null, language),
                        messages.getMessage("helpline.canned." + code + ".text", null, language)));
            }
        }
        return all;
    }

    /** The text of the ready answer a key names; empty for none. */
    Optional<String> text(String key) {
        return all().stream()
                .filter(canned -> canned.key().equals(key))
                .map(Canned::text)
                .findFirst();
    }
}

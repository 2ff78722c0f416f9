package org.guichet.directory.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Logins are {@code first.last} in lower case without accents ({@code Hélène N'Diaye-Le Gall} gives {@code
 * helene.ndiaye-le-gall}); homonyms get a numeric suffix from 2 on ({@code camille.martin2}).
 */
public final class Logins {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9-]");
    private static final int MAX_PART = 30;

    private Logins() {}

    public static boolean isValid(String login) {
        return login.length() <= MAX_LENGTH && VALID.matcher(login).matches();
    }

    /** The first free login for these names. */
    public static String generate(String firstName, String lastName, Predicate<String> taken) {
        var base = part(firstName) + "." + part(lastName);
        var login = base;
        for (int suffix = 2; taken.test(login); suffix++) {
            login = base + suffix;
        }
        return login;
    }

    static String part(String name) {
        var plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss")
                .replace("'", "")
                .replace("’", "");
        var result = OTHERS.matcher(SEPARATORS.matcher(plain.trim()).replaceAll("-"))
                .replaceAll("")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        if (result.length() > MAX_PART) {
            result = result.substring(0, MAX_PART).replaceAll("-$", "");
        }
        return result.isEmpty() ? "x" : result;
    }
}

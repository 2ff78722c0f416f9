package org.guichet.identity.mfa;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random codes people copy by hand (recovery and enrolment codes): letters and digits that cannot be mistaken for one
 * another (no 0/O, 1/I/L), almost 5 bits each, shown in groups and read back whatever the case, spaces or dashes.
 */
public final class OneTimeSecrets {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecrets() {}

    /** {@code groups} groups of {@code size} characters joined by dashes: {@code K7WQ-MX3A-PF9T}. */
    public static String generate(int groups, int size) {
        var code = new StringBuilder();
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < size; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** What was typed, as generated: upper case, grouping removed. */
    public static String normalize(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
    }

    /** Whether a typed code could be one of ours of this length, before spending a hash on it. */
    public static boolean plausible(String normalized, int length) {
        return normalized.length() == length && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}

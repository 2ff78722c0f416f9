package org.guichet.identity.reset;

import java.util.Locale;
import org.guichet.platform.Digests;

/**
 * Where a code goes, shown without giving it away: {@code c••••••••••n@ville.example}, {@code +33 6 •• •• •• 34}.
 * For an identifier that names nobody, a stand-in of the same shape, always the same for the same identifier, so
 * that the page looks the same whether the agent exists or not.
 */
public final class Masking {

    private static final String DOTS = "••••••••";

    private Masking() {}

    public static String email(String address) {
        var at = address.indexOf('@');
        var local = at > 0 ? address.substring(0, at) : address;
        var domain = at > 0 ? address.substring(at) : "";
        if (local.length() <= 2) {
            return local.charAt(0) + "•" + domain;
        }
        return local.charAt(0)
                + DOTS.substring(0, Math.min(DOTS.length(), local.length() - 2))
                + local.charAt(local.length() - 1)
                + domain;
    }

    /** {@code +33 6 •• •• •• 08} for a French mobile, {@code +32 •• •• •• 56} for another. */
    public static String mobile(String e164) {
        var last = e164.substring(e164.length() - 2);
        if (e164.startsWith("+33") && e164.length() > 4) {
            return "+33 " + e164.charAt(3) + " •• •• •• " + last;
        }
        return e164.substring(0, Math.min(3, e164.length())) + " •• •• •• " + last;
    }

    /** A stand-in address for an identifier that names nobody. */
    static String fakeEmail(String identifier, String domain) {
        var typed = identifier.strip().toLowerCase(Locale.ROOT);
        if (typed.contains("@")) {
            return email(typed);
        }
        if (typed.matches("\\d{7}")) {
            var digest = Digests.sha256(typed);
            typed = (char) ('a' + Math.floorMod(digest[0], 26)) + "agent" + (char) ('a' + Math.floorMod(digest[1], 26));
        }
        return email(typed + "@" + domain);
    }

    /** Whether a stand-in offers an SMS too (as about half of real agents' pages do), and its last digits. */
    static String fakeMobile(String identifier) {
        var digest = Digests.sha256(identifier.strip().toLowerCase(Locale.ROOT));
        return "+33" + (digest[2] % 2 == 0 ? "6" : "7") + "00000"
                + String.format("%03d", Math.floorMod(digest[3], 1000));
    }

    static boolean fakeHasMobile(String identifier) {
        return Digests.sha256(identifier.strip().toLowerCase(Locale.ROOT))[4] % 2 == 0;
    }
}

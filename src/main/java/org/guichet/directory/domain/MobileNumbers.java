package org.guichet.directory.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers are stored in E.164 ({@code +33639981234}). French numbers are accepted as agents write them ({@code
 * 06 39 98 12 34}, {@code 0033 6…}, {@code +33 (0)6…}) and must be mobiles (06 or 07).
 */
public final class MobileNumbers {

    private static final Pattern NOISE = Pattern.compile("[\\s.\\-()/]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern FRENCH_MOBILE = Pattern.compile("\\+33[67]\\d{8}");

    private MobileNumbers() {}

    public static Optional<String> normalize(String written) {
        var number = NOISE.matcher(written).replaceAll("");
        if (number.startsWith("+330")) {
            number = "+33" + number.substring(4);
        }
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        } else if (number.startsWith("0") && number.length() == 10) {
            number = "+33" + number.substring(1);
        }
        if (!E164.matcher(number).matches()) {
            return Optional.empty();
        }
        if (number.startsWith("+33") && !FRENCH_MOBILE.matcher(number).matches()) {
            return Optional.empty();
        }
        return Optional.of(number);
    }
}

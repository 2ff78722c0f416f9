package org.guichet.payslip;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as payslips and certificates print them: {@code 2 345,67}, with plain spaces (PDF text stays searchable). */
public final class PayslipAmounts {

    private PayslipAmounts() {}

    public static String amount(BigDecimal value) {
        var symbols = new DecimalFormatSymbols(Locale.FRENCH);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(value);
    }

    /** {@code 2 345,67 €}. */
    public static String euros(BigDecimal value) {
        return amount(value) + " €";
    }
}

package org.guichet.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * One way to write each kind of number for people, on pages, in e-mails and in PDFs alike: amounts of money, numbers
 * of days, years (never grouped: "2026", not "2 026").
 */
public final class DisplayNumbers {

    private DisplayNumbers() {}

    /**
     * An amount as payslips and certificates print it: {@code 2 345,67}, grouped with plain spaces so that the PDF's
     * text stays searchable.
     */
    public static String amount(BigDecimal value) {
        var symbols = new DecimalFormatSymbols(Locale.FRENCH);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(value);
    }

    /** {@code 2 345,67 €}, as PDFs print it. */
    public static String euros(BigDecimal value) {
        return amount(value) + " €";
    }

    /** An amount of money in the reader's language: {@code 2 345,67 €}, {@code €2,345.67}. */
    public static String euros(BigDecimal value, Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(value);
    }

    /** A number of days, with a half when there is one: {@code 2,5} in French, {@code 2.5} in English. */
    public static String days(BigDecimal days, Locale locale) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(days);
    }

    /** A year, as people write it. */
    public static String year(int year) {
        return Integer.toString(year);
    }
}

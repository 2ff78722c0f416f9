package org.guichet.platform;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.TreeMap;

/**
 * French public holidays ("jours fériés"): the eleven of the whole country, with Easter Monday, Ascension Thursday and
 * Whit Monday computed from Easter; Alsace and Moselle add Good Friday and St Stephen's Day.
 */
public final class PublicHolidays {

    /** Each year's holidays, computed once: counting a request's working days asks for every day of it. */
    private static final Map<String, Map<LocalDate, String>> YEARS = new java.util.concurrent.ConcurrentHashMap<>();

    private PublicHolidays() {}

    /** The year's public holidays, by date, with their French names. */
    public static Map<LocalDate, String> of(int year, boolean alsaceMoselle) {
        return YEARS.computeIfAbsent(year + "/" + alsaceMoselle, key -> compute(year, alsaceMoselle));
    }

    private static Map<LocalDate, String> compute(int year, boolean alsaceMoselle) {
        var easter = easterSunday(year);
        var days = new TreeMap<LocalDate, String>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Jour de l’an");
        days.put(easter.plusDays(1), "Lundi de Pâques");
        days.put(LocalDate.of(year, Month.MAY, 1), "Fête du travail");
        days.put(LocalDate.of(year, Month.MAY, 8), "Victoire 1945");
        days.put(easter.plusDays(39), "Ascension");
        days.put(easter.plusDays(50), "Lundi de Pentecôte");
        days.put(LocalDate.of(year, Month.JULY, 14), "Fête nationale");
        days.put(LocalDate.of(year, Month.AUGUST, 15), "Assomption");
        days.put(LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint");
        days.put(LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Noël");
        if (alsaceMoselle) {
            days.put(easter.minusDays(2), "Vendredi saint");
            days.put(LocalDate.of(year, Month.DECEMBER, 26), "Saint-Étienne");
        }
        return java.util.Collections.unmodifiableMap(days);
    }

    public static boolean isHoliday(LocalDate day, boolean alsaceMoselle) {
        return of(day.getYear(), alsaceMoselle).containsKey(day);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}

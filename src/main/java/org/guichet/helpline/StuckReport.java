package org.guichet.helpline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalEntry;
import org.guichet.audit.JournalQuery;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.springframework.stereotype.Service;

/**
 * Where agents get stuck, counted from the journal itself over a period, per day or per week: refusals of a service,
 * lockouts, failed second factors and conversations with IT support, each by reason and by channel; and what got
 * agents going again, by themselves (a password reset, an unlock by the reset) or by the helpdesk (its unlocks,
 * enrolment codes, factor resets, remote-access activations). The counts are the journal's: nothing is counted twice
 * or kept elsewhere.
 */
@Service
public class StuckReport {

    /** The longest period a report covers, in days. */
    public static final int LONGEST_DAYS = 366;

    /** Not said: no reason or no channel in the entry. */
    public static final String NONE = "-";

    private final Journal journal;

    StuckReport(Journal journal) {
        this.journal = journal;
    }

    /** What is counted, and from which entries of the journal. */
    public enum Category {
        REFUSALS("AccessDenied"),
        LOCKOUTS("AccountLocked"),
        SECOND_FACTOR_FAILURES("SecondFactorFailed"),
        CONVERSATIONS("ConversationOpened"),
        SELF_SERVICE("PasswordResetCompleted", "AccountUnlocked"),
        HELPDESK("HelpdeskUnlock", "HelpdeskEnrolmentCode", "HelpdeskFactorsReset", "HelpdeskNomadicActivated");

        private final List<String> types;

        Category(String... types) {
            this.types = List.of(types);
        }

        public List<String> types() {
            return types;
        }
    }

    /** Per day, or per week (from Monday). */
    public enum Grouping {
        DAY,
        WEEK
    }

    /**
     * One count: the entries of a category in a bucket (its first day) with this reason and channel.
     *
     * @param reason the refusal's reason, the second factor's kind, the conversation's reason, the entry's type for
     *     the two resolution categories; {@link #NONE} when the entry says none
     */
    public record Row(LocalDate bucket, Category category, String reason, String channel, long count) {}

    /**
     * A report.
     *
     * @param buckets the first day of each bucket, in order
     * @param perBucket for each category, its count in each bucket (in the order of {@code buckets})
     * @param byReason for each category, its counts by reason over the period
     * @param byChannel for each category, its counts by channel over the period
     * @param rows every count, for the CSV export
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StuckReport")
    public record Report(
            LocalDate from,
            LocalDate to,
            Grouping grouping,
            List<LocalDate> buckets,
            Map<Category, List<Long>> perBucket,
            Map<Category, Map<String, Long>> byReason,
            Map<Category, Map<String, Long>> byChannel,
            List<Row> rows) {

        /** The category's total over the period. */
        public long total(Category category) {
            return perBucket.get(category).stream().mapToLong(Long::longValue).sum();
        }

        /** The share of resolutions the agents made themselves, in percent; null when there were none. */
        public Long selfServiceShare() {
            var self = total(Category.SELF_SERVICE);
            var all = self + total(Category.HELPDESK);
            return all == 0 ? null : Math.round(100.0 * self / all);
        }

        /** The largest count in one bucket, for the charts' scale (at least 1). */
        public long largest() {
            return Math.max(
                    1,
                    perBucket.values().stream()
                            .flatMap(List::stream)
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(1));
        }
    }

    /** The report from {@code from} to {@code to} included, in the administration's zone. */
    public Report of(LocalDate from, LocalDate to, Grouping grouping) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= LONGEST_DAYS) {
            throw new GuichetException(HelplineError.PERIOD_INVALID);
        }
        var buckets = new ArrayList<LocalDate>();
        for (var day = bucket(from, grouping); !day.isAfter(to); day = next(day, grouping)) {
            buckets.add(day);
        }
        var counts = new TreeMap<String, long[]>();
        var rows = new TreeMap<String, Row>();
        for (var category : Category.values()) {
            for (var type : category.types()) {
                journal.each(new JournalQuery(null, type, from, to, null), entry -> {
                    if (category == Category.SELF_SERVICE
                            && entry.type().equals("AccountUnlocked")
                            && entry.actor() != null
                            && !entry.actor().equals(entry.subject())) {
                        return; // an unlock by the helpdesk, counted with its HelpdeskUnlock
                    }
                    var bucket = bucket(DisplayZone.local(entry.at()).toLocalDate(), grouping);
                    var reason = reason(category, entry);
                    var channel = channel(entry);
                    var key = bucket + "|" + category + "|" + reason + "|" + channel;
                    var found = rows.get(key);
                    rows.put(key, new Row(bucket, category, reason, channel, found == null ? 1 : found.count() + 1));
                    counts.computeIfAbsent(category.name(), name -> new long[buckets.size()])[
                            buckets.indexOf(bucket)]++;
                });
            }
        }
        var perBucket = new EnumMap<Category, List<Long>>(Category.class);
        var byReason = new EnumMap<Category, Map<String, Long>>(Category.class);
        var byChannel = new EnumMap<Category, Map<String, Long>>(Category.class);
        for (var category : Category.values()) {
            var each = counts.getOrDefault(category.name(), new long[buckets.size()]);
            var list = new ArrayList<Long>();
            for (var count : each) {
                list.add(count);
            }
            perBucket.put(category, List.copyOf(list));
            byReason.put(category, new TreeMap<>());
            byChannel.put(category, new TreeMap<>());
        }
        for (var row : rows.values()) {
            byReason.get(row.category()).merge(row.reason(), row.count(), Long::sum);
            byChannel.get(row.category()).merge(row.channel(), row.count(), Long::sum);
        }
        return new Report(
                from, to, grouping, List.copyOf(buckets), perBucket, byReason, byChannel, List.copyOf(rows.values()));
    }

    private static LocalDate bucket(LocalDate day, Grouping grouping) {
        return grouping == Grouping.DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate next(LocalDate bucket, Grouping grouping) {
        return grouping == Grouping.DAY ? bucket.plusDays(1) : bucket.plusWeeks(1);
    }

    private static String reason(Category category, JournalEntry entry) {
        var said = switch (category) {
            case REFUSALS, CONVERSATIONS -> entry.details().get("reason");
            case SECOND_FACTOR_FAILURES -> entry.details().get("type");
            case LOCKOUTS -> null;
            case SELF_SERVICE, HELPDESK -> entry.type();
        };
        return said == null || String.valueOf(said).isBlank() ? NONE : String.valueOf(said);
    }

    private static String channel(JournalEntry entry) {
        var said = entry.details().get("channel");
        if (said != null && !String.valueOf(said).isBlank()) {
            return String.valueOf(said);
        }
        return entry.channel() == null || entry.channel().isBlank() ? NONE : entry.channel();
    }
}

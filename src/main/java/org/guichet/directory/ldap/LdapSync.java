package org.guichet.directory.ldap;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.ChangeSource;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.ImportReport;
import org.guichet.directory.SyncRun;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A synchronisation with the administration's LDAP directory: every agent's entry read (paged), turned into a row of
 * the directory's import (the same checks, events and journal, the journal saying {@code LDAP}), and the agents whose
 * entry disappeared recorded as departed when so configured. A dry run says what it would do and writes nothing.
 *
 * <p>What the directory says wins for the fields it holds, with one exception, the import's for every source but HR's
 * own files: a professional mobile the agent proved they hold (a code sent to it when they changed it) is kept; an
 * agent's number is theirs to change, and the directory's is often the older one.
 */
@Service
public class LdapSync {

    private final LdapSettings settings;
    private final LdapEntries entries;
    private final LdapEntryRepository known;
    private final DirectoryManagement directory;
    private final Clock clock;
    private final LdapRunRepository runs;
    private final LockingTaskExecutor locks;
    private final MeterRegistry meters;

    LdapSync(
            LdapSettings settings,
            LdapEntries entries,
            LdapEntryRepository known,
            DirectoryManagement directory,
            Clock clock,
            LdapRunRepository runs,
            LockProvider locks,
            MeterRegistry meters) {
        this.settings = settings;
        this.entries = entries;
        this.known = known;
        this.directory = directory;
        this.clock = clock;
        this.runs = runs;
        this.locks = new DefaultLockingTaskExecutor(locks);
        this.meters = meters;
    }

    /** The longest a run may take: beyond, its lock is released and a run without end counts as interrupted. */
    static final Duration LONGEST = Duration.ofHours(1);

    /**
     * One synchronisation, recorded: one node at a time (the schedule's lock, {@code ldap-sync}), its counts and
     * refusals kept for the administration page, its outcome counted ({@code guichet.directory.ldap.runs}). Nothing
     * when another node's run holds the lock. A run of the changes reads only the entries changed since the last run
     * that wrote (a full run when there was none) and records no departure.
     */
    public Optional<SyncRun> run(SyncRun.StartedFrom from, @Nullable AgentId by, boolean dryRun, boolean changesOnly) {
        try {
            var result = locks.executeWithLock(
                    () -> recorded(from, by, dryRun, changesOnly),
                    new LockConfiguration(clock.instant(), "ldap-sync", LONGEST, Duration.ZERO));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last runs, newest first, the newest with its refusals. */
    public List<SyncRun> lastRuns(int count) {
        return runs.last(count, clock.instant(), LONGEST);
    }

    /** Whether a run (on any node) has started and not ended. */
    public boolean running() {
        return runs.running(clock.instant(), LONGEST);
    }

    private SyncRun recorded(SyncRun.StartedFrom from, @Nullable AgentId by, boolean dryRun, boolean changesOnly) {
        var since = changesOnly ? runs.watermark().orElse(null) : null;
        var id = runs.started(clock.instant(), from, by, dryRun, since != null);
        SyncRun.Outcome outcome;
        var counts = LdapRunRepository.Counts.NONE;
        var refusals = new ArrayList<LdapRunRepository.Refused>();
        String detail = null;
        String watermark = null;
        try {
            var result = synchronise(dryRun, since);
            watermark = dryRun ? null : result.watermark();
            var report = result.report();
            for (var rejected : report.rejected()) {
                refusals.add(new LdapRunRepository.Refused(
                        rejected.key(), rejected.problem().name(), rejected.arguments()));
            }
            for (var dn : result.withoutSoi()) {
                refusals.add(new LdapRunRepository.Refused(
                        dn, LdapRunRepository.WITHOUT_SOI, List.of(settings.soiAttribute())));
            }
            counts = new LdapRunRepository.Counts(
                    result.entries(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    result.departures().size(),
                    refusals.size());
            outcome = refusals.isEmpty() ? SyncRun.Outcome.DONE : SyncRun.Outcome.REFUSED_ENTRIES;
        } catch (TooManyDepartures refused) {
            outcome = SyncRun.Outcome.TOO_MANY_DEPARTURES;
            counts = new LdapRunRepository.Counts(0, 0, 0, 0, refused.departures(), 0);
            detail = refused.getMessage();
        } catch (org.springframework.ldap.NamingException unreachable) {
            outcome = SyncRun.Outcome.UNREACHABLE;
            detail = String.valueOf(unreachable.getMessage());
        } catch (Exception e) {
            outcome = SyncRun.Outcome.FAILED;
            detail = e.toString();
        }
        runs.finished(id, clock.instant(), outcome, counts, refusals, detail, watermark);
        meters.counter("guichet.directory.ldap.runs", "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
        return runs.last(1, clock.instant(), LONGEST).getFirst();
    }

    /**
     * What a run read and did.
     *
     * @param entries the entries the directory returned
     * @param withoutSoi entries that carry no staff number (ignored), by DN
     * @param departures the agents recorded as departed (or that would be, in a dry run)
     * @param watermark the latest change time among the entries read (or the run's start when it read none)
     */
    public record Result(
            boolean dryRun,
            int entries,
            List<String> withoutSoi,
            List<String> departures,
            ImportReport report,
            @Nullable String watermark) {}

    /** Thrown when a run would record more departures than allowed: nothing is written. */
    public static final class TooManyDepartures extends RuntimeException {

        private final int departures;

        TooManyDepartures(int departures, int allowed) {
            super(departures + " departures, more than the " + allowed + " allowed");
            this.departures = departures;
        }

        public int departures() {
            return departures;
        }
    }

    public boolean configured() {
        return settings.enabled();
    }

    public Result synchronise(boolean dryRun) throws Exception {
        return synchronise(dryRun, null);
    }

    /** A run of the entries changed since this change time (departures left to full runs), or of all when none. */
    Result synchronise(boolean dryRun, @Nullable String changedSince) throws Exception {
        if (!settings.enabled()) {
            throw new IllegalStateException("No LDAP directory configured (guichet.directory.ldap.url)");
        }
        var read = entries.read(changedSince);
        var soiByDn = new HashMap<String, String>();
        if (changedSince != null) {
            // the managers of the changed entries are mostly unchanged ones: their DNs as the last runs saw them
            known.dns().forEach((soi, dn) -> soiByDn.put(name(dn), soi));
        }
        var withoutSoi = new ArrayList<String>();
        for (var entry : read) {
            if (entry.soi() == null || entry.soi().isBlank()) {
                withoutSoi.add(entry.dn());
            } else {
                soiByDn.put(name(entry.dn()), entry.soi());
            }
        }
        var stored = new HashMap<String, AgentProfile>();
        directory.forEachAgent(agent -> stored.put(agent.id().soi(), agent));

        var rows = new ArrayList<Map<String, String>>();
        var seen = new LinkedHashMap<String, String>();
        for (var entry : read) {
            if (entry.soi() == null || entry.soi().isBlank()) {
                continue;
            }
            rows.add(row(entry, soiByDn));
            seen.put(entry.soi(), entry.dn());
        }
        var departures = new ArrayList<String>();
        if (settings.departMissing() && changedSince == null) {
            for (var soi : known.known()) {
                var agent = stored.get(soi);
                if (!seen.containsKey(soi) && agent != null && agent.status() != AgentStatus.DEPARTED) {
                    departures.add(soi);
                    rows.add(departure(agent));
                }
            }
            if (departures.size() > settings.maxDepartures()) {
                throw new TooManyDepartures(departures.size(), settings.maxDepartures());
            }
        }
        var watermark = read.stream()
                .map(LdapEntry::changed)
                .filter(java.util.Objects::nonNull)
                .max(String::compareTo)
                .orElse(changedSince);
        if (dryRun) {
            return new Result(
                    true,
                    read.size(),
                    withoutSoi,
                    departures,
                    directory.planAgents(rows, ChangeSource.LDAP),
                    watermark);
        }
        var report = directory.importAgents(rows, ChangeSource.LDAP);
        var refused = report.rejected().stream()
                .map(ImportReport.Rejection::key)
                .collect(java.util.stream.Collectors.toSet());
        seen.keySet().removeIf(refused::contains);
        known.seen(seen, clock.instant());
        known.forget(departures.stream().filter(soi -> !refused.contains(soi)).toList());
        return new Result(false, read.size(), withoutSoi, departures, report, watermark);
    }

    private Map<String, String> row(LdapEntry entry, Map<String, String> soiByDn) {
        var row = new LinkedHashMap<String, String>();
        row.put("soi", entry.soi());
        row.put("first_name", blankIfNull(entry.firstName()));
        row.put("last_name", blankIfNull(entry.lastName()));
        row.put("department", blankIfNull(entry.department()));
        row.put("manager_soi", entry.managerDn() == null ? "" : soiByDn.getOrDefault(name(entry.managerDn()), ""));
        row.put("job_title", blankIfNull(entry.title()));
        row.put("mobile", blankIfNull(entry.mobile()));
        row.put("login", blankIfNull(entry.login()));
        row.put("email", blankIfNull(entry.mail()));
        row.put("status", (entry.disabled() ? AgentStatus.SUSPENDED : AgentStatus.ACTIVE).name());
        if (!settings.groupRoles().isEmpty()) {
            var roles = new ArrayList<String>();
            settings.groupRoles().forEach((group, role) -> {
                if (entry.groups().contains(group.toLowerCase(Locale.ROOT))) {
                    roles.add(role);
                }
            });
            row.put("roles", String.join("|", roles));
        }
        return row;
    }

    private Map<String, String> departure(AgentProfile agent) {
        var row = new LinkedHashMap<String, String>();
        row.put("soi", agent.id().soi());
        row.put("first_name", agent.firstName());
        row.put("last_name", agent.lastName());
        row.put("department", agent.departmentCode());
        row.put(
                "manager_soi",
                agent.managerId() == null ? "" : agent.managerId().soi());
        row.put("job_title", blankIfNull(agent.jobTitle()));
        row.put("mobile", blankIfNull(agent.mobile()));
        row.put("login", agent.login());
        row.put("email", agent.email());
        row.put("status", AgentStatus.DEPARTED.name());
        if (!settings.groupRoles().isEmpty()) {
            row.put(
                    "roles",
                    String.join(
                            "|",
                            agent.roles().stream()
                                    .filter(org.guichet.directory.Role.GRANTED::contains)
                                    .map(Enum::name)
                                    .toList()));
        }
        return row;
    }

    /**
     * A DN as a key: the same entry written with other spacing or case ({@code uid=a, OU=People}) is the same key, as
     * LDAP compares them.
     */
    private static String name(String dn) {
        try {
            var name = new javax.naming.ldap.LdapName(dn);
            return name.getRdns().stream()
                    .map(rdn -> rdn.getType().toLowerCase(Locale.ROOT) + "="
                            + String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(","));
        } catch (javax.naming.InvalidNameException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    private static String blankIfNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}

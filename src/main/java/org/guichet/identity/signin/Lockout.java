package org.guichet.identity.signin;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.AccountLock;
import org.guichet.identity.AccountLocked;
import org.guichet.identity.AccountUnlocked;
import org.guichet.identity.FactorType;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.LockKind;
import org.guichet.identity.SecondFactorFailed;
import org.guichet.identity.SecondStepLocked;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInFailed;
import org.guichet.network.ClientConnection;
import org.guichet.platform.Digests;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.platform.LiveSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock an agent out for long.
 *
 * <ul>
 *   <li>Per identifier as typed, existing or not (so nothing tells which exist): after 5 consecutive failures, a lock
 *       of 1 minute that doubles with each further failure, up to 30 minutes. Attempts while locked count as
 *       failures. A success, or 24 hours without failure, resets the count.
 *   <li>A browser where the agent signed in before is trusted: its failures count apart from everyone else's, so an
 *       attacker's attempts never lock the agent out of their own browser.
 *   <li>Per client address: at most 30 failures a minute across all identifiers.
 *   <li>At the second step, per agent: after 5 wrong one-time codes in a row, codes are refused for a lock that grows
 *       the same way (passkeys, which cannot be guessed, still work). A right code resets the count.
 * </ul>
 */
@Service
public class Lockout {

    private static final Logger LOG = LoggerFactory.getLogger(Lockout.class);
    private static final Duration ADDRESS_WINDOW = Duration.ofMinutes(1);

    private final ThrottleRepository counters;
    private final ApplicationEventPublisher events;
    private final IdentitySettings.Lockout configured;
    private final LiveSettings live;
    private final Validator validator;
    private final int codeFailures;
    private final Clock clock;

    Lockout(
            ThrottleRepository counters,
            ApplicationEventPublisher events,
            IdentitySettings settings,
            LiveSettings live,
            Validator validator,
            Clock clock) {
        this.counters = counters;
        this.events = events;
        this.configured = settings.lockout();
        this.live = live;
        this.validator = validator;
        this.codeFailures = settings.mfa().codeFailures();
        this.clock = clock;
    }

    /** The rules in force: the configuration's, or what an administrator set (live setting {@code identity.lockout}). */
    public IdentitySettings.Lockout settings() {
        return live.get(IdentitySettings.LIVE_LOCKOUT, IdentitySettings.Lockout.class, configured);
    }

    /**
     * Sets the rules on every node: refused unless they meet the constraints of their configuration and the longest
     * lock is no shorter than the first.
     */
    public void changeRules(IdentitySettings.Lockout rules, String by) {
        var problems = new java.util.ArrayList<LiveSettingRejected.Problem>();
        validator.validate(rules).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .sorted()
                .distinct()
                .forEach(field -> problems.add(
                        new LiveSettingRejected.Problem(field, "identity.error.lockoutInvalid", List.of())));
        if (rules.longestLock().compareTo(rules.firstLock()) < 0) {
            problems.add(new LiveSettingRejected.Problem("longestLock", "identity.error.lockoutInvalid", List.of()));
        }
        LiveSettingRejected.refuseIf(problems);
        live.put(IdentitySettings.LIVE_LOCKOUT, rules, by);
    }

    /** The key of an identifier as typed: a hash, so that a password typed in its place is never stored. */
    public static String identifierKey(String identifier) {
        return "id:" + Digests.sha256Hex(identifier.strip().toLowerCase(Locale.ROOT));
    }

    static String deviceKey(String trustedDevice) {
        return "device:" + Digests.sha256Hex(trustedDevice);
    }

    /** The key of the agent's second step (one-time codes). */
    public static String secondStepKey(AgentId agent) {
        return "second-step:" + agent.soi();
    }

    /** The keys under which an agent may be locked: each identifier they may type, and their second step. */
    public static List<String> keysOf(AgentProfile agent) {
        return List.of(
                identifierKey(agent.id().soi()),
                identifierKey(agent.login()),
                identifierKey(agent.email()),
                secondStepKey(agent.id()));
    }

    /** When this key is locked until, if it is locked now. */
    public Optional<Instant> lockedUntil(String key) {
        var now = clock.instant();
        return counters.find(key).map(ThrottleRepository.Counter::lockedUntil).filter(until -> until.isAfter(now));
    }

    /** When this address may try again, if it made too many failures in the current minute. */
    public Optional<Instant> addressBlockedUntil(String address) {
        var now = clock.instant();
        return counters.addressWindow(address)
                .filter(window -> window.failures() >= settings().failuresPerAddress())
                .map(window -> window.start().plus(ADDRESS_WINDOW))
                .filter(end -> end.isAfter(now));
    }

    public record Failure(int failures, @Nullable Instant lockedUntil) {}

    /** Counts a failed sign-in on this key and from this address, locks the key when due, and announces it. */
    @Transactional
    public Failure recordFailure(
            String key, @Nullable AgentProfile agent, ClientConnection connection, SignInError reason) {
        var now = clock.instant();
        counters.addAddressFailure(connection.address(), now, now.minus(ADDRESS_WINDOW));
        var failures = counters.addFailure(key, now, now.minus(settings().forgetAfter()));
        Instant until = null;
        if (failures >= settings().threshold()) {
            until = now.plus(lockDuration(failures, settings())).truncatedTo(ChronoUnit.SECONDS);
            counters.lockUntil(key, until);
        }
        var id = agent == null ? null : agent.id();
        events.publishEvent(
                new SignInFailed(id, until != null ? SignInError.LOCKED : reason, failures, connection, now));
        if (agent != null && failures == settings().threshold()) {
            events.publishEvent(new AccountLocked(agent.id(), until, failures, connection, now));
        }
        return new Failure(failures, until);
    }

    /**
     * Counts a wrong one-time code at the second step, locks the agent's codes when due, and announces it.
     *
     * @param type the kind of code; null for an enrolment code
     * @param clockDriftMinutes set when the code was a TOTP code right for a phone clock this far off
     */
    @Transactional
    public Failure recordCodeFailure(
            AgentId agent, @Nullable FactorType type, @Nullable Long clockDriftMinutes, ClientConnection connection) {
        var now = clock.instant();
        var key = secondStepKey(agent);
        var failures = counters.addFailure(key, now, now.minus(settings().forgetAfter()));
        Instant until = null;
        if (failures >= codeFailures) {
            until = now.plus(lockDuration(failures - codeFailures + settings().threshold(), settings()))
                    .truncatedTo(ChronoUnit.SECONDS);
            counters.lockUntil(key, until);
        }
        events.publishEvent(new SecondFactorFailed(agent, type, failures, clockDriftMinutes, connection, now));
        if (until != null && failures == codeFailures) {
            events.publishEvent(new SecondStepLocked(agent, until, failures, connection, now));
        }
        return new Failure(failures, until);
    }

    /** Counts a refusal that is not a guess at this identifier (from a blocked address, or a suspended account). */
    @Transactional
    public void recordRefusal(@Nullable AgentProfile agent, ClientConnection connection, SignInError reason) {
        events.publishEvent(
                new SignInFailed(agent == null ? null : agent.id(), reason, 0, connection, clock.instant()));
    }

    /**
     * The first lock at the threshold (1 minute by default), doubling with each further failure, never more than the
     * longest lock.
     */
    static Duration lockDuration(int failures, IdentitySettings.Lockout rules) {
        var doublings = Math.max(0, Math.min(failures - rules.threshold(), 20));
        var duration = rules.firstLock().multipliedBy(1L << doublings);
        return duration.compareTo(rules.longestLock()) > 0 ? rules.longestLock() : duration;
    }

    /** A success forgets the failures of these keys. */
    @Transactional
    public void recordSuccess(List<String> keys) {
        counters.clear(keys, clock.instant());
    }

    /**
     * Lifts every lock on the agent's identifiers and codes; announces it when one was locked.
     *
     * @param by the agent themselves (through the reset) or the helpdesk agent
     * @param reason why the helpdesk unlocked
     */
    @Transactional
    public boolean unlock(AgentProfile agent, AgentId by, @Nullable String reason) {
        var now = clock.instant();
        var unlocked = counters.clear(keysOf(agent), now) > 0;
        if (unlocked) {
            events.publishEvent(new AccountUnlocked(agent.id(), by, reason, now));
        }
        return unlocked;
    }

    /** The locks in force on the agent now: their SOI, login, e-mail address, one-time codes. */
    public List<AccountLock> locks(AgentProfile agent) {
        var now = clock.instant();
        var keys = keysOf(agent);
        var kinds = LockKind.values();
        var locks = new java.util.ArrayList<AccountLock>();
        for (var i = 0; i < keys.size(); i++) {
            var kind = kinds[i];
            counters.find(keys.get(i))
                    .filter(counter -> counter.lockedUntil() != null
                            && counter.lockedUntil().isAfter(now))
                    .ifPresent(counter -> locks.add(new AccountLock(kind, counter.failures(), counter.lockedUntil())));
        }
        return locks;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "lockout-purge", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    void purge() {
        var now = clock.instant();
        var removed = counters.purge(now.minus(settings().forgetAfter()), now.minus(Duration.ofHours(1)), now);
        if (removed > 0) {
            LOG.debug("Purged {} sign-in counters", removed);
        }
    }
}

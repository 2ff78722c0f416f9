package org.guichet.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.leave.domain.LeaveChecks;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.ErrorCode;
import org.guichet.platform.GuichetException;
import org.junit.jupiter.api.Test;

/**
 * A leave request's moves and the checks before one is written, as plain functions: where a request goes, the days it
 * moves on the balance, what it publishes, and each refusal with its reason.
 */
class LeaveMovesTests {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final AgentId AGENT = AgentId.of("9000001");
    private static final AgentId MANAGER = AgentId.of("9000002");
    private static final BigDecimal THREE = new BigDecimal("3.0");

    private static LeaveCommand command(String start, String end, boolean startHalf, boolean endHalf) {
        return new LeaveCommand(
                LeaveType.ANNUAL, LocalDate.parse(start), LocalDate.parse(end), startHalf, endHalf, null);
    }

    private static LeaveRequest asked(String start, String end) {
        return LeaveRequest.asked(AGENT, LeaveType.ANNUAL, command(start, end, false, false), THREE, null, NOW);
    }

    private static ErrorCode refusal(Runnable check) {
        return catchThrowableOfType(GuichetException.class, check::run).errorCode();
    }

    @Test
    void decideWhenApprovedThenPendingDaysBecomeTakenAndWhenRejectedThenGivenBack() {
        var request = asked("2027-04-12", "2027-04-14");

        var approved = request.decide(true, MANAGER, null, NOW);
        assertThat(approved.to().state()).isEqualTo(LeaveState.APPROVED);
        assertThat(approved.to().decidedBy()).isEqualTo(MANAGER);
        assertThat(approved.pendingChange()).isEqualByComparingTo("-3");
        assertThat(approved.takenChange()).isEqualByComparingTo("3");
        assertThat(approved.event()).isInstanceOf(LeaveRequestDecided.class);

        var rejected = request.decide(false, MANAGER, "Période chargée", NOW);
        assertThat(rejected.to().state()).isEqualTo(LeaveState.REJECTED);
        assertThat(rejected.to().decisionComment()).isEqualTo("Période chargée");
        assertThat(rejected.pendingChange()).isEqualByComparingTo("-3");
        assertThat(rejected.takenChange()).isEqualByComparingTo("0");

        assertThat(refusal(() -> approved.to().decide(false, MANAGER, null, NOW)))
                .isEqualTo(LeaveError.NOT_CANCELLABLE);
    }

    @Test
    void cancelWhenPendingThenPendingGivenBackAndWhenApprovedThenTakenGivenBackAndTheManagerNamed() {
        var request = asked("2027-04-12", "2027-04-14");

        var pending = request.cancel(TODAY, NOW);
        assertThat(pending.to().state()).isEqualTo(LeaveState.CANCELLED);
        assertThat(pending.pendingChange()).isEqualByComparingTo("-3");
        assertThat(pending.takenChange()).isEqualByComparingTo("0");
        assertThat(((LeaveRequestCancelled) pending.event()).manager()).isNull();

        var approved = request.decide(true, MANAGER, null, NOW).to().cancel(TODAY, NOW);
        assertThat(approved.pendingChange()).isEqualByComparingTo("0");
        assertThat(approved.takenChange()).isEqualByComparingTo("-3");
        assertThat(((LeaveRequestCancelled) approved.event()).manager()).isEqualTo(MANAGER);
        assertThat(approved.to().decidedBy()).isEqualTo(MANAGER);
    }

    @Test
    void cancelWhenStartedCancelledOrAnAbsenceThenNotCancellable() {
        var request = asked("2027-04-12", "2027-04-14");
        assertThat(refusal(() -> request.cancel(LocalDate.parse("2027-04-12"), NOW)))
                .isEqualTo(LeaveError.NOT_CANCELLABLE);
        assertThat(refusal(() -> request.cancel(TODAY, NOW).to().cancel(TODAY, NOW)))
                .isEqualTo(LeaveError.NOT_CANCELLABLE);
        var sick = LeaveRequest.recorded(
                AGENT, LeaveType.SICK, command("2027-04-12", "2027-04-14", false, false), THREE, null, NOW, MANAGER);
        assertThat(sick.state()).isEqualTo(LeaveState.APPROVED);
        assertThat(refusal(() -> sick.cancel(TODAY, NOW))).isEqualTo(LeaveError.NOT_CANCELLABLE);
    }

    @Test
    void checkPeriodWhenWrongThenEachReason() {
        assertThat(refusal(() -> LeaveChecks.checkPeriod(
                        new LeaveCommand(LeaveType.ANNUAL, null, LocalDate.parse("2027-04-12"), false, false, null),
                        TODAY,
                        18)))
                .isEqualTo(LeaveError.START_REQUIRED);
        assertThat(refusal(() -> LeaveChecks.checkPeriod(command("2027-04-14", "2027-04-12", false, false), TODAY, 18)))
                .isEqualTo(LeaveError.END_BEFORE_START);
        assertThat(refusal(() -> LeaveChecks.checkPeriod(command("2027-12-30", "2028-01-03", false, false), TODAY, 18)))
                .isEqualTo(LeaveError.SPANS_YEARS);
        assertThat(refusal(() -> LeaveChecks.checkPeriod(command("2027-04-12", "2027-04-12", true, true), TODAY, 18)))
                .isEqualTo(LeaveError.HALF_DAYS_INVALID);
        assertThat(refusal(() -> LeaveChecks.checkPeriod(command("2027-02-26", "2027-03-02", false, false), TODAY, 18)))
                .isEqualTo(LeaveError.START_IN_PAST);
        assertThat(refusal(() -> LeaveChecks.checkPeriod(command("2027-06-01", "2027-06-02", false, false), TODAY, 2)))
                .isEqualTo(LeaveError.TOO_FAR_AHEAD);
        LeaveChecks.checkPeriod(command("2027-03-01", "2027-03-01", true, false), TODAY, 18);
    }

    @Test
    void commentWhenBlankTooLongOrRequiredThenAsRuled() {
        assertThat(LeaveChecks.comment("   ", false)).isNull();
        assertThat(LeaveChecks.comment("  Mariage  ", true)).isEqualTo("Mariage");
        assertThat(refusal(() -> LeaveChecks.comment(" ", true))).isEqualTo(LeaveError.COMMENT_REQUIRED);
        assertThat(refusal(() -> LeaveChecks.comment("x".repeat(LeaveChecks.COMMENT_MAX_LENGTH + 1), false)))
                .isEqualTo(LeaveError.COMMENT_TOO_LONG);
    }

    @Test
    void checkOverlapWhenSharingAHalfDayThenRefusedAndWhenMorningThenAfternoonThenAccepted() {
        var morning = LeaveRequest.asked(
                AGENT, LeaveType.ANNUAL, command("2027-04-12", "2027-04-12", false, true), BigDecimal.ONE, null, NOW);

        LeaveChecks.checkOverlap(command("2027-04-12", "2027-04-13", true, false), List.of(morning));
        assertThat(refusal(() ->
                        LeaveChecks.checkOverlap(command("2027-04-09", "2027-04-12", false, true), List.of(morning))))
                .isEqualTo(LeaveError.OVERLAPS);
    }

    @Test
    void checkCountedWhenNoWorkingDayThenRefused() {
        var weekend = WorkingDays.count(
                LocalDate.parse("2027-04-10"), LocalDate.parse("2027-04-11"), false, false, Set.of(), false);
        assertThat(refusal(() -> LeaveChecks.checkCounted(weekend))).isEqualTo(LeaveError.NO_WORKING_DAY);
    }

    @Test
    void checkProfileWhenOutOfBoundsOrWeekendOffThenInvalid() {
        LeaveChecks.checkProfile(new LeaveProfile(80, new BigDecimal("35"), Set.of(DayOfWeek.WEDNESDAY), null));
        assertThat(refusal(() -> LeaveChecks.checkProfile(new LeaveProfile(5, new BigDecimal("35"), Set.of(), null))))
                .isEqualTo(LeaveError.PROFILE_INVALID);
        assertThat(refusal(() -> LeaveChecks.checkProfile(new LeaveProfile(100, new BigDecimal("49"), Set.of(), null))))
                .isEqualTo(LeaveError.PROFILE_INVALID);
        assertThat(refusal(() -> LeaveChecks.checkProfile(
                        new LeaveProfile(100, new BigDecimal("35"), Set.of(DayOfWeek.SATURDAY), null))))
                .isEqualTo(LeaveError.PROFILE_INVALID);
    }
}

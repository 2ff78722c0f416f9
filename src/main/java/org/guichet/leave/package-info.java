/**
 * Leave: leave types and their rules, each agent's rights and balances per year (acquired, taken, pending,
 * remaining), requests counted in working days (weekends, public holidays and the agent's days off excluded, half days
 * included) and approved by the manager through the approval module, cancellation, the team calendar, iCalendar
 * feeds, sick leave entered by HR.
 *
 * <p>API: {@link org.guichet.leave.LeaveManagement} (requests, absences), {@link org.guichet.leave.LeaveBalances}
 * (profiles, balances, deposits). Published events: {@link org.guichet.leave.LeaveRequested},
 * {@link org.guichet.leave.LeaveRequestDecided}, {@link org.guichet.leave.LeaveRequestCancelled}, {@link
 * org.guichet.leave.AbsenceRecorded}.
 */
@ApplicationModule(
        displayName = "Leave",
        allowedDependencies = {"directory", "approval"})
@NullMarked
package org.guichet.leave;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

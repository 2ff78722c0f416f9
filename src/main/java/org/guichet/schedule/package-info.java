/**
 * Schedules: each agent's working hours, from a regular weekly pattern or from shifts imported by CSV for teams that
 * work in rotations, day by day with public holidays and approved leave, by week and month, and as an iCalendar file.
 *
 * <p>API: {@link org.guichet.schedule.ScheduleManagement}. Published events: {@link
 * org.guichet.schedule.ShiftsImported}.
 */
@ApplicationModule(
        displayName = "Schedule",
        allowedDependencies = {"directory", "leave"})
@NullMarked
package org.guichet.schedule;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

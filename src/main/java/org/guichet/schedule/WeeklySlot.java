package org.guichet.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A time slot of an agent's regular weekly pattern. */
public record WeeklySlot(DayOfWeek weekday, LocalTime start, LocalTime end) {}

package org.guichet.leave;

import java.math.BigDecimal;

/**
 * Where an agent stands for one type of leave: remaining is always acquired less taken less pending.
 *
 * @param year the civil year; 0 for the time-savings account (CET), which is not tied to one
 * @param acquired rights of the year (with the "fractionnement" days for annual leave), or days saved on the CET
 * @param taken approved leave (and, for annual leave and RTT, days moved to the CET)
 * @param pending requested, waiting for the manager
 */
public record Balance(LeaveType type, int year, BigDecimal acquired, BigDecimal taken, BigDecimal pending) {

    public BigDecimal remaining() {
        return acquired.subtract(taken).subtract(pending);
    }
}

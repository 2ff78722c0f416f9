package org.guichet.payslip;

/** A payslip with its PDF. */
public record PayslipDocument(Payslip payslip, byte[] content) {}

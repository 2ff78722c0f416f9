package org.guichet.payslip;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Payslip settings, bound to {@code guichet.payslip} (the employer printed on payslips is {@code guichet.employer}).
 *
 * @param maxDocumentSize the largest PDF a ZIP may hold
 * @param maxBatch the most payslips one file may hold
 */
@ConfigurationProperties("guichet.payslip")
@Validated
public record PayslipSettings(
        @DefaultValue("5MB") DataSize maxDocumentSize,
        @DefaultValue("100000") @Min(1) int maxBatch) {}

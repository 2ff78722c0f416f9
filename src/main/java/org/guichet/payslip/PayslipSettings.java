package org.guichet.payslip;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Payslip settings, bound to {@code guichet.payslip}.
 *
 * @param employer who pays, as payslips rendered from payroll lines name it
 * @param maxDocumentSize the largest PDF a ZIP may hold
 * @param maxBatch the most payslips one file may hold
 */
@ConfigurationProperties("guichet.payslip")
@Validated
public record PayslipSettings(
        Employer employer,
        @DefaultValue("5MB") DataSize maxDocumentSize,
        @DefaultValue("100000") @Min(1) int maxBatch) {

    /**
     * @param name e.g. "Ville d'Exemple"
     * @param address one line
     * @param siret the establishment's SIRET number
     */
    public record Employer(
            @NotBlank String name,
            @NotBlank String address,
            @NotBlank String siret) {}
}

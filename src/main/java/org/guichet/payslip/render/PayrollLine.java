package org.guichet.payslip.render;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * One agent's pay for one month, as the payroll system computed it (amounts in euros, two decimals). Guichet renders
 * it, it does not compute pay: it only checks that the totals add up.
 *
 * @param indiceMajore the "indice majoré" the basic salary is computed from
 * @param workingTime the working time in percent (100 for full time)
 * @param basicSalary "traitement indiciaire brut"
 * @param residence "indemnité de résidence"
 * @param family "supplément familial de traitement"
 * @param nbi "nouvelle bonification indiciaire"
 * @param bonuses "primes et indemnités" (RIFSEEP and others)
 * @param pension "retenue pour pension civile" (CNRACL)
 * @param rafp "retraite additionnelle de la fonction publique"
 */
public record PayrollLine(
        AgentId agent,
        YearMonth period,
        String grade,
        @Nullable String echelon,
        int indiceMajore,
        int workingTime,
        BigDecimal basicSalary,
        BigDecimal residence,
        BigDecimal family,
        BigDecimal nbi,
        BigDecimal bonuses,
        BigDecimal pension,
        BigDecimal rafp,
        BigDecimal csgDeductible,
        BigDecimal csgNonDeductible,
        BigDecimal crds,
        BigDecimal netPay,
        BigDecimal taxableNet) {

    public BigDecimal gross() {
        return basicSalary.add(residence).add(family).add(nbi).add(bonuses);
    }

    public BigDecimal deductions() {
        return pension.add(rafp).add(csgDeductible).add(csgNonDeductible).add(crds);
    }

    /** What net pay should be: gross less deductions. */
    public BigDecimal expectedNetPay() {
        return gross().subtract(deductions());
    }

    /** What taxable net should be: net pay plus what is taxed though deducted (non-deductible CSG and CRDS). */
    public BigDecimal expectedTaxableNet() {
        return netPay.add(csgNonDeductible).add(crds);
    }
}

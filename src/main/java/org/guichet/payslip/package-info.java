/**
 * Payslips: HR publishes a month's payslips in one batch (PDFs in a ZIP, or payroll lines in a CSV that Guichet renders
 * into PDF), all or nothing; each agent lists and downloads their own, and HR opens an agent's payslip only with a
 * reason.
 *
 * <p>API: {@link org.guichet.payslip.PayslipManagement}. Published events: {@link
 * org.guichet.payslip.PayslipPublished} (one per agent), {@link org.guichet.payslip.PayslipBatchPublished}, {@link
 * org.guichet.payslip.PayslipDownloaded}, {@link org.guichet.payslip.PayslipOpenedByHr}.
 */
@ApplicationModule(
        displayName = "Payslips",
        allowedDependencies = {"directory"})
@NullMarked
package org.guichet.payslip;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

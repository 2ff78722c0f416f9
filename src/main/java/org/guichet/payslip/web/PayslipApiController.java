package org.guichet.payslip.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipError;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.PayslipManagement;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The payslip API of the mobile app: my payslips, and one's PDF. */
@RestController
class PayslipApiController {

    private final PayslipManagement payslips;

    PayslipApiController(PayslipManagement payslips) {
        this.payslips = payslips;
    }

    /**
     * A payslip as the API gives it.
     *
     * @param period {@code YYYY-MM}
     * @param netPay in euros; {@code null} when HR published the PDF without payroll lines
     */
    record PayslipView(
            String id, String period, @Nullable BigDecimal netPay, Instant publishedAt, String fileName, int size) {

        static PayslipView of(Payslip payslip) {
            return new PayslipView(
                    payslip.id().toString(),
                    payslip.period().toString(),
                    payslip.netPay(),
                    payslip.publishedAt(),
                    payslip.fileName(),
                    payslip.size());
        }
    }

    @GetMapping("/api/v1/payslips")
    List<PayslipView> list(Principal principal) {
        return payslips.payslips(AgentId.of(principal.getName())).stream()
                .map(PayslipView::of)
                .toList();
    }

    @GetMapping("/api/v1/payslips/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, Principal principal) {
        var payslip = PayslipId.parse(id).orElseThrow(() -> new GuichetException(PayslipError.PAYSLIP_NOT_FOUND));
        return PdfResponses.of(payslips.download(AgentId.of(principal.getName()), payslip), true);
    }
}

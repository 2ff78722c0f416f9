package org.guichet.payslip.web;

import java.security.Principal;
import java.util.List;
import java.util.TreeMap;
import org.guichet.directory.AgentId;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipError;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.PayslipManagement;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** "My payslips": by year, newest first, each to view in the browser or download. */
@Controller
class PayslipController {

    private final PayslipManagement payslips;

    PayslipController(PayslipManagement payslips) {
        this.payslips = payslips;
    }

    @GetMapping("/payslips")
    String showPayslips(@RequestParam(required = false) @Nullable Integer year, Principal principal, Model model) {
        var byYear = byYear(payslips.payslips(AgentId.of(principal.getName())));
        var shown = year != null && byYear.containsKey(year) ? year : byYear.isEmpty() ? null : byYear.firstKey();
        model.addAttribute("years", byYear.keySet());
        model.addAttribute("year", shown);
        model.addAttribute("payslips", shown == null ? List.of() : byYear.get(shown));
        return "payslip/payslips";
    }

    @GetMapping("/payslips/{id}/pdf")
    ResponseEntity<byte[]> showPdf(
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean download, Principal principal) {
        var payslip = PayslipId.parse(id).orElseThrow(() -> new GuichetException(PayslipError.PAYSLIP_NOT_FOUND));
        return PdfResponses.of(payslips.download(AgentId.of(principal.getName()), payslip), download);
    }

    private static TreeMap<Integer, List<Payslip>> byYear(List<Payslip> all) {
        var years = new TreeMap<Integer, List<Payslip>>(java.util.Comparator.reverseOrder());
        for (var payslip : all) {
            years.computeIfAbsent(payslip.period().getYear(), year -> new java.util.ArrayList<>())
                    .add(payslip);
        }
        return years;
    }
}

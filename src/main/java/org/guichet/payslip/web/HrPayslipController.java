package org.guichet.payslip.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.payslip.PayslipError;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.PayslipManagement;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The HR back office's payslip page (role HR, office or VPN, as the hr-back-office service rules): publish a month's
 * batch and read its report; find an agent's payslips and open one, saying why.
 */
@Controller
class HrPayslipController {

    private final PayslipManagement payslips;
    private final DirectoryManagement directory;
    private final MessageSource messages;

    HrPayslipController(PayslipManagement payslips, DirectoryManagement directory, MessageSource messages) {
        this.payslips = payslips;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/hr/payslips")
    String showPublication(@RequestParam(required = false) @Nullable String agent, Model model) {
        return page(agent, model);
    }

    @PostMapping("/hr/payslips")
    String processPublication(
            @RequestParam(required = false) @Nullable MultipartFile file,
            Principal principal,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "payslip.publish.fileRequired");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(null, model);
        }
        try {
            var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            var report = payslips.publish(name, file, AgentId.of(principal.getName()));
            model.addAttribute("report", BatchReportView.of(report, messages, locale));
            if (!report.published()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
        } catch (GuichetException e) {
            model.addAttribute("fileError", e.errorCode().messageKey());
            model.addAttribute("fileErrorArguments", e.getDetailMessageArguments());
            response.setStatus(e.errorCode().status().value());
        }
        return page(null, model);
    }

    @PostMapping("/hr/payslips/open")
    Object processOpening(
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(required = false) @Nullable String payslip,
            @RequestParam(required = false) @Nullable String reason,
            Principal principal,
            HttpServletResponse response,
            Model model) {
        var id = payslip == null ? null : PayslipId.parse(payslip).orElse(null);
        try {
            if (id == null) {
                throw new GuichetException(PayslipError.PAYSLIP_NOT_FOUND);
            }
            return PdfResponses.of(payslips.openForHr(AgentId.of(principal.getName()), id, reason), false);
        } catch (GuichetException e) {
            model.addAttribute("openError", e.errorCode().messageKey());
            model.addAttribute("reason", reason);
            response.setStatus(e.errorCode().status().value());
            return page(agent, model);
        }
    }

    private String page(@Nullable String agent, Model model) {
        model.addAttribute("batches", payslips.batches());
        model.addAttribute("reasonMaxLength", PayslipManagement.REASON_MAX_LENGTH);
        if (agent != null && !agent.isBlank()) {
            model.addAttribute("agentQuery", agent.strip());
            var found = directory.findByIdentifier(agent);
            model.addAttribute("agent", found.orElse(null));
            found.ifPresent(profile -> model.addAttribute("agentPayslips", payslips.payslipsForHr(profile.id())));
        }
        return "payslip/hr-payslips";
    }
}

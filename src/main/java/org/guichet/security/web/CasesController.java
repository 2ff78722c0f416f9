package org.guichet.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.security.NotMeReports;
import org.guichet.security.SecurityError;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security officers' "this wasn't me" cases: open ones first, closed with what was found. */
@Controller
class CasesController {

    private final NotMeReports reports;
    private final ClientConnections connections;

    CasesController(NotMeReports reports, ClientConnections connections) {
        this.reports = reports;
        this.connections = connections;
    }

    @GetMapping("/security/cases")
    String showCases(Model model) {
        model.addAttribute("cases", reports.cases());
        return "security/cases";
    }

    @PostMapping("/security/cases/{id}/close")
    String processClosing(
            @PathVariable String id,
            @RequestParam(name = "outcome", required = false) @Nullable String outcome,
            Principal principal,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID caseId;
        try {
            caseId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new GuichetException(SecurityError.CASE_NOT_FOUND);
        }
        try {
            reports.close(caseId, AgentId.of(principal.getName()), connections.of(request), outcome);
            redirect.addFlashAttribute("closed", true);
        } catch (GuichetException e) {
            if (e.errorCode() == SecurityError.CASE_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.errorCode().messageKey());
        }
        return "redirect:/security/cases";
    }
}

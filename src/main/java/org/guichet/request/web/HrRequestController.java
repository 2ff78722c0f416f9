package org.guichet.request.web;

import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** HR's queue page (the hr-back-office service's rules): requests waiting for HR, oldest first, and the decisions. */
@Controller
class HrRequestController {

    private final RequestManagement requests;
    private final RequestViews views;

    HrRequestController(RequestManagement requests, RequestViews views) {
        this.requests = requests;
        this.views = views;
    }

    @GetMapping("/hr/requests")
    String showQueue(Locale locale, Model model) {
        model.addAttribute(
                "queue",
                requests.hrQueue().stream()
                        .map(request -> views.of(request, locale))
                        .toList());
        return "request/hr-requests";
    }

    @PostMapping("/hr/requests/{id}/{decision:approve|reject}")
    String processDecision(
            @PathVariable String id,
            @PathVariable String decision,
            @RequestParam(required = false) @Nullable String comment,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            requests.decideAsHr(
                    AgentId.of(principal.getName()),
                    RequestApiController.parse(id),
                    "approve".equals(decision),
                    comment);
            redirect.addFlashAttribute("decided", decision);
        } catch (GuichetException e) {
            redirect.addFlashAttribute("pageError", e.errorCode().messageKey());
            redirect.addFlashAttribute("errorId", id);
        }
        return "redirect:/hr/requests";
    }
}

package org.guichet.request.web;

import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestReview;
import org.guichet.request.RequestSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's queue page (the hr-back-office service's rules): requests waiting for HR, oldest first, filtered by type and
 * age; taking one, and deciding.
 */
@Controller
class HrRequestController {

    private final RequestReview requests;
    private final RequestSettings settings;
    private final RequestViews views;

    HrRequestController(RequestReview requests, RequestSettings settings, RequestViews views) {
        this.settings = settings;
        this.requests = requests;
        this.views = views;
    }

    @GetMapping("/hr/requests")
    String showQueue(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "0") int waitingDays,
            Principal principal,
            Locale locale,
            Model model) {
        model.addAttribute(
                "queue",
                requests.hrQueue(type, waitingDays).stream()
                        .map(request -> views.of(request, locale))
                        .toList());
        model.addAttribute(
                "types",
                settings.types().stream()
                        .filter(definition -> definition.steps().contains(RequestSettings.Step.HR))
                        .toList());
        model.addAttribute("type", type);
        model.addAttribute("waitingDays", waitingDays);
        return "request/hr-requests";
    }

    @PostMapping("/hr/requests/{id}/{decision:approve|reject|take}")
    String processDecision(
            @PathVariable String id,
            @PathVariable String decision,
            @RequestParam(required = false) @Nullable String comment,
            Principal principal,
            RedirectAttributes redirect) {
        var me = AgentId.of(principal.getName());
        var request = RequestApiController.parse(id);
        try {
            if ("take".equals(decision)) {
                requests.take(me, request);
            } else {
                requests.decideAsHr(me, request, "approve".equals(decision), comment);
            }
            redirect.addFlashAttribute("decided", decision);
        } catch (GuichetException e) {
            redirect.addFlashAttribute("pageError", e.errorCode().messageKey());
            redirect.addFlashAttribute("pageErrorArguments", e.getDetailMessageArguments());
        }
        return "redirect:/hr/requests";
    }
}

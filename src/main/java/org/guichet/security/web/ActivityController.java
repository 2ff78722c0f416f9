package org.guichet.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.guichet.audit.JournalEntry;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.security.NotMeReports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "My activity": the agent's sign-ins, failures and account changes, and "this wasn't me", as a page and in the
 * API. A report signs the agent out everywhere, this browser included.
 */
@Controller
class ActivityController {

    private final NotMeReports reports;
    private final ClientConnections connections;

    ActivityController(NotMeReports reports, ClientConnections connections) {
        this.reports = reports;
        this.connections = connections;
    }

    @GetMapping("/account/activity")
    String showActivity(Principal principal, Model model) {
        model.addAttribute("entries", reports.activity(AgentId.of(principal.getName())));
        return "security/activity";
    }

    @PostMapping("/account/activity/not-me")
    String processReport(
            @RequestParam(name = "comment", required = false) @Nullable String comment,
            Principal principal,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        try {
            report(principal, request, comment);
        } catch (GuichetException e) {
            response.setStatus(e.errorCode().status().value());
            model.addAttribute("refusal", e.errorCode().messageKey());
            return showActivity(principal, model);
        }
        return "redirect:/login?reported";
    }

    /** An entry as the API gives it. */
    record ActivityView(
            long seq,
            java.time.Instant at,
            String type,
            @Nullable String channel,
            @Nullable String address,
            Map<String, Object> details) {

        static ActivityView of(JournalEntry entry) {
            return new ActivityView(
                    entry.seq(), entry.at(), entry.type(), entry.channel(), entry.address(), entry.details());
        }
    }

    @GetMapping("/api/v1/me/activity")
    @ResponseBody
    List<ActivityView> activity(Principal principal) {
        return reports.activity(AgentId.of(principal.getName())).stream()
                .map(ActivityView::of)
                .toList();
    }

    record ReportCommand(@Nullable String comment) {}

    @PostMapping("/api/v1/me/activity/not-me")
    @ResponseBody
    ResponseEntity<Map<String, Object>> report(
            @RequestBody(required = false) @Nullable ReportCommand command,
            Principal principal,
            HttpServletRequest request) {
        var id = report(principal, request, command == null ? null : command.comment());
        return ResponseEntity.status(201).body(Map.of("case", id.toString(), "signedOut", true));
    }

    private java.util.UUID report(Principal principal, HttpServletRequest request, @Nullable String comment) {
        var id = reports.report(AgentId.of(principal.getName()), connections.of(request), comment);
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return id;
    }
}

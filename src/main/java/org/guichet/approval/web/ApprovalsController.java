package org.guichet.approval.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.UUID;
import org.guichet.approval.ApprovalError;
import org.guichet.approval.ApprovalId;
import org.guichet.approval.ApprovalManagement;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "To approve": what waits for me (or for a manager I stand in for), approved or rejected with a comment; and my
 * delegations while I am away. A refusal (already decided, comment missing) is told on the same page.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalsController {

    private final ApprovalManagement approvals;
    private final DirectoryManagement directory;

    ApprovalsController(ApprovalManagement approvals, DirectoryManagement directory) {
        this.approvals = approvals;
        this.directory = directory;
    }

    @GetMapping
    String showApprovals(Principal principal, Model model) {
        if (!model.containsAttribute("delegationForm")) {
            model.addAttribute("delegationForm", ApprovalForms.DelegationForm.empty());
        }
        return page(AgentId.of(principal.getName()), model);
    }

    private String page(AgentId me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("items", approvals.waitingFor(me));
        model.addAttribute(
                "manager",
                directory.findById(me).map(agent -> agent.hasRole(Role.MANAGER)).orElse(false));
        model.addAttribute("delegations", approvals.delegations(me));
        return "approval/approvals";
    }

    @PostMapping("/{id}/{decision:approve|reject}")
    String processDecision(
            @PathVariable String id,
            @PathVariable String decision,
            @RequestParam(required = false) @Nullable String comment,
            Principal principal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var me = AgentId.of(principal.getName());
        var approvalId = ApprovalId.parse(id).orElseThrow(() -> new GuichetException(ApprovalError.APPROVAL_NOT_FOUND));
        try {
            var item = "approve".equals(decision)
                    ? approvals.approve(approvalId, me, comment)
                    : approvals.reject(approvalId, me, comment);
            redirect.addFlashAttribute("decided", item.state().name());
            redirect.addFlashAttribute("decidedName", item.requesterName());
            return "redirect:/approvals";
        } catch (GuichetException e) {
            if (e.errorCode() == ApprovalError.APPROVAL_NOT_FOUND) {
                throw e;
            }
            model.addAttribute("delegationForm", ApprovalForms.DelegationForm.empty());
            model.addAttribute("itemError", e.errorCode().messageKey());
            if (e.errorCode() == ApprovalError.ALREADY_DECIDED) {
                // the item is no longer listed: say it at the top of the page
                model.addAttribute("pageError", e.errorCode().messageKey());
            }
            model.addAttribute("itemErrorId", id);
            model.addAttribute("comment", comment);
            response.setStatus(e.errorCode().status().value());
            return page(me, model);
        }
    }

    @PostMapping("/delegations")
    String processDelegationForm(
            @Valid @ModelAttribute("delegationForm") ApprovalForms.DelegationForm form,
            BindingResult result,
            Principal principal,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var me = AgentId.of(principal.getName());
        var firstDay = result.hasFieldErrors("startsOn") ? null : form.firstDay(result);
        var lastDay = result.hasFieldErrors("endsOn") ? null : form.lastDay(result);
        if (!result.hasErrors() && firstDay != null && lastDay != null) {
            var delegate = directory.findByIdentifier(form.delegate() == null ? "" : form.delegate());
            try {
                var delegation = approvals.delegate(
                        me,
                        delegate.map(agent -> agent.id())
                                .orElseThrow(() -> new GuichetException(ApprovalError.DELEGATE_INVALID)),
                        firstDay,
                        lastDay);
                redirect.addFlashAttribute("delegated", delegation.delegateName());
                return "redirect:/approvals";
            } catch (GuichetException e) {
                var field = e.errorCode() == ApprovalError.DELEGATE_INVALID ? "delegate" : "endsOn";
                result.rejectValue(field, e.errorCode().messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(me, model);
    }

    @PostMapping("/delegations/{id}/end")
    String processEndDelegation(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new GuichetException(ApprovalError.APPROVAL_NOT_FOUND);
        }
        if (!approvals.endDelegation(AgentId.of(principal.getName()), uuid)) {
            throw new GuichetException(ApprovalError.APPROVAL_NOT_FOUND);
        }
        redirect.addFlashAttribute("delegationEnded", true);
        return "redirect:/approvals";
    }
}

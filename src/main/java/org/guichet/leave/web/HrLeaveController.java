package org.guichet.leave.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.LeaveManagement;
import org.guichet.leave.LeaveType;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** HR's leave page (the hr-back-office service's rules): enter an agent's sick leave from the medical certificate. */
@Controller
class HrLeaveController {

    private final LeaveManagement leave;
    private final DirectoryManagement directory;

    HrLeaveController(LeaveManagement leave, DirectoryManagement directory) {
        this.leave = leave;
        this.directory = directory;
    }

    @GetMapping("/hr/leave")
    String showAbsenceForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LeaveForm(LeaveType.SICK.name(), null, null, null, null, null));
        }
        return "leave/hr-leave";
    }

    @PostMapping("/hr/leave")
    String processAbsenceForm(
            @RequestParam(required = false) @Nullable String agent,
            @ModelAttribute("form") LeaveForm form,
            BindingResult result,
            Principal principal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("agentQuery", agent);
        var profile = agent == null || agent.isBlank()
                ? null
                : directory.findByIdentifier(agent).orElse(null);
        if (profile == null) {
            model.addAttribute(
                    "agentError",
                    agent == null || agent.isBlank() ? "leave.hr.agent.required" : "leave.hr.agent.unknown");
        }
        var command = form.command(result);
        if (profile == null || command == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "leave/hr-leave";
        }
        try {
            var absence = leave.recordAbsence(AgentId.of(principal.getName()), profile.id(), command);
            redirect.addFlashAttribute("recorded", absence.days());
            redirect.addFlashAttribute("recordedFor", profile.displayName());
            return "redirect:/hr/leave";
        } catch (GuichetException e) {
            response.setStatus(LeaveErrors.reject(e, result, model));
            return "leave/hr-leave";
        }
    }
}

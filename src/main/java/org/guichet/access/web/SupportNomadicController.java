package org.guichet.access.web;

import java.security.Principal;
import org.guichet.access.NomadicError;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.NomadicState;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.GuichetException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** IT support's page: remote-access profiles approved by managers, waiting to be activated. Role SUPPORT only. */
@Controller
@RequestMapping("/support/nomadic-profiles")
class SupportNomadicController {

    private final NomadicProfiles nomadic;
    private final DirectoryManagement directory;

    SupportNomadicController(NomadicProfiles nomadic, DirectoryManagement directory) {
        this.nomadic = nomadic;
        this.directory = directory;
    }

    @GetMapping
    String showWaiting(Model model) {
        var waiting = nomadic.inState(NomadicState.APPROVED).stream()
                .map(status -> new Waiting(
                        status,
                        directory
                                .findById(status.agent())
                                .map(agent -> agent.displayName() + " – " + agent.departmentName())
                                .orElse(status.agent().soi())))
                .toList();
        model.addAttribute("waiting", waiting);
        return "access/support-nomadic";
    }

    record Waiting(org.guichet.access.NomadicStatus status, String agent) {}

    @PostMapping("/{soi}/activate")
    String processActivation(@PathVariable String soi, Principal principal, RedirectAttributes redirect) {
        if (!AgentId.isSoi(soi)) {
            throw new GuichetException(NomadicError.PROFILE_NOT_FOUND);
        }
        try {
            nomadic.activate(AgentId.of(soi), AgentId.of(principal.getName()));
            redirect.addFlashAttribute(
                    "activated",
                    directory
                            .findById(AgentId.of(soi))
                            .map(agent -> agent.displayName())
                            .orElse(soi));
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refusal", e.errorCode().messageKey());
        }
        return "redirect:/support/nomadic-profiles";
    }
}

package org.guichet.portal.web;

import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.IdentityManagement;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent's home page. */
@Controller
class HomeController {

    private final DirectoryManagement directory;
    private final IdentityManagement identity;

    HomeController(DirectoryManagement directory, IdentityManagement identity) {
        this.directory = directory;
        this.identity = identity;
    }

    @GetMapping("/")
    String showHome(Principal principal, Model model) {
        var agent = directory
                .findById(AgentId.of(principal.getName()))
                .orElseThrow(() -> new GuichetException(PlatformError.UNAUTHENTICATED));
        model.addAttribute("agent", agent);
        model.addAttribute("password", identity.passwordStatus(agent.id()));
        model.addAttribute(
                "manager",
                agent.managerId() == null
                        ? null
                        : directory.findById(agent.managerId()).orElse(null));
        return "portal/home";
    }
}

package org.guichet.session.sessions;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.platform.SessionHandles;
import org.guichet.session.SessionRevoked;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My sessions": where the agent is signed in, and closing any of them. */
@ConditionalOnWebApplication
@Controller
class SessionsController {

    private final AgentSessions sessions;

    SessionsController(AgentSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String showSessions(Principal principal, HttpSession session, Model model) {
        model.addAttribute("sessions", sessions.of(AgentId.of(principal.getName()), session.getId()));
        return "session/sessions";
    }

    @PostMapping("/account/sessions/{handle}/revoke")
    String revoke(@PathVariable String handle, Principal principal, HttpSession session, RedirectAttributes redirect) {
        if (handle.equals(SessionHandles.of(session.getId()))) {
            return "redirect:/account/sessions";
        }
        var revoked = sessions.revoke(AgentId.of(principal.getName()), handle, SessionRevoked.Cause.AGENT);
        redirect.addFlashAttribute("revoked", revoked ? 1 : 0);
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/revoke-others")
    String revokeOthers(Principal principal, HttpSession session, RedirectAttributes redirect) {
        var revoked = sessions.revokeAllBut(
                AgentId.of(principal.getName()), SessionHandles.of(session.getId()), SessionRevoked.Cause.AGENT);
        redirect.addFlashAttribute("revoked", revoked);
        return "redirect:/account/sessions";
    }
}

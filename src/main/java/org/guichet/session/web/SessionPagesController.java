package org.guichet.session.web;

import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The account page, and the "stay signed in" of the idle warning. */
@Controller
class SessionPagesController {

    private final IdentityManagement identity;

    SessionPagesController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/account")
    String showAccount(Principal principal, Model model) {
        model.addAttribute("password", identity.passwordStatus(AgentId.of(principal.getName())));
        return "session/account";
    }

    /** Any request keeps a session alive; this one only does that, for the idle warning's button. */
    @PostMapping("/session/keepalive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}

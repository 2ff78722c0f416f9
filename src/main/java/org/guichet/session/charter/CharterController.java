package org.guichet.session.charter;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnections;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Accepting the charter as a step of the sign-in, and reading the version one accepted. */
@Controller
class CharterController {

    private final CharterService charter;
    private final ClientConnections connections;

    CharterController(CharterService charter, ClientConnections connections) {
        this.charter = charter;
        this.connections = connections;
    }

    @GetMapping("/sign-in/charter")
    String showCharterToAccept(Principal principal, Locale locale, Model model) {
        if (!charter.pending(AgentId.of(principal.getName()))) {
            return "redirect:/sign-in/continue";
        }
        model.addAttribute("charter", charter.current(locale));
        return "session/charter-accept";
    }

    @PostMapping("/sign-in/charter")
    String processAcceptance(
            @RequestParam(required = false) boolean accept,
            @RequestParam int version,
            Principal principal,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        var current = charter.current(locale);
        if (!accept || version != current.version()) {
            model.addAttribute("charter", current);
            model.addAttribute("notAccepted", !accept);
            model.addAttribute("newVersion", accept);
            return "session/charter-accept";
        }
        charter.accept(
                AgentId.of(principal.getName()),
                version,
                connections.of(request).channel());
        return "redirect:/sign-in/continue";
    }

    @GetMapping("/account/charter")
    String showAcceptedCharter(Principal principal, Locale locale, Model model) {
        var acceptance = charter.accepted(AgentId.of(principal.getName()));
        model.addAttribute("acceptance", acceptance.orElse(null));
        model.addAttribute(
                "charter",
                acceptance.flatMap(it -> charter.version(it.version(), locale)).orElse(charter.current(locale)));
        model.addAttribute("currentVersion", charter.currentVersion());
        return "session/charter";
    }
}

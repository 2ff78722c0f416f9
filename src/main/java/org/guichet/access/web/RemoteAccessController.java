package org.guichet.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.guichet.access.AccessExplanations;
import org.guichet.access.NomadicError;
import org.guichet.access.NomadicProfiles;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Remote access": where the agent's profile stands, with its timeline, and the request form when they have none.
 * On the internet without an active profile it is the only page open to them, and it says so.
 */
@Controller
@RequestMapping("/remote-access")
class RemoteAccessController {

    private final NomadicProfiles nomadic;
    private final ClientConnections connections;
    private final AccessExplanations explanations;

    RemoteAccessController(NomadicProfiles nomadic, ClientConnections connections, AccessExplanations explanations) {
        this.nomadic = nomadic;
        this.connections = connections;
        this.explanations = explanations;
    }

    @GetMapping
    String showRemoteAccess(Principal principal, HttpServletRequest request, Locale locale, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RemoteAccessForm.empty());
        }
        return page(AgentId.of(principal.getName()), request, locale, model);
    }

    @PostMapping
    String processRequestForm(
            @Valid @ModelAttribute("form") RemoteAccessForm form,
            BindingResult result,
            Principal principal,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        if (!result.hasErrors()) {
            try {
                nomadic.request(agent, form.reason(), form.endDate());
                redirect.addFlashAttribute("requested", true);
                return "redirect:/remote-access";
            } catch (GuichetException e) {
                var code = (NomadicError) e.errorCode();
                switch (code) {
                    case REASON_REQUIRED, REASON_TOO_LONG ->
                        result.rejectValue("reason", code.messageKey(), new Object[] {nomadic.reasonMaxLength()}, null);
                    case END_DATE_INVALID ->
                        result.rejectValue(
                                "endDate",
                                code.messageKey(),
                                new Object[] {org.guichet.platform.DisplayZone.DATE.format(nomadic.latestEndDate())},
                                null);
                    default -> model.addAttribute("refusal", code.messageKey());
                }
                response.setStatus(code.status().value());
                return page(agent, request, locale, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(agent, request, locale, model);
    }

    private String page(AgentId agent, HttpServletRequest request, Locale locale, Model model) {
        var status = nomadic.status(agent);
        var channel = connections.of(request).channel();
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("latestEndDate", nomadic.latestEndDate());
        model.addAttribute("reasonMaxLength", nomadic.reasonMaxLength());
        if (channel == Channel.NOMADIC && !status.active()) {
            model.addAttribute("gate", explanations.explainRemoteAccess(status.state(), locale));
        }
        return "access/remote-access";
    }
}

package org.guichet.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.guichet.access.ServiceCatalogue;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.support.HelpdeskConsole;
import org.guichet.support.SupportError;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helpdesk console's pages: find an agent, check them (every reason they may be blocked, with its remedy), act
 * with a reason, and ask the access policy "what if".
 */
@Controller
class SupportController {

    private final HelpdeskConsole console;
    private final ClientConnections connections;
    private final ServiceCatalogue catalogue;

    SupportController(HelpdeskConsole console, ClientConnections connections, ServiceCatalogue catalogue) {
        this.console = console;
        this.connections = connections;
        this.catalogue = catalogue;
    }

    @GetMapping("/support")
    String showSearch(@RequestParam(name = "q", required = false) @Nullable String text, Model model) {
        model.addAttribute("q", text == null ? "" : text);
        if (text != null) {
            var found = console.find(text);
            if (found.size() == 1) {
                return "redirect:/support/agents/" + found.getFirst().id().soi();
            }
            model.addAttribute("found", found);
        }
        return "support/search";
    }

    @GetMapping("/support/agents/{soi}")
    String showAgent(
            @PathVariable String soi,
            @RequestParam(name = "channel", required = false) @Nullable String channel,
            @RequestParam(name = "service", required = false) @Nullable String service,
            Principal principal,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        var helpdesk = helpdesk(principal, request);
        model.addAttribute("diagnosis", console.diagnose(helpdesk, soi, locale));
        model.addAttribute("services", catalogue.all());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("self", principal.getName().equals(soi));
        if (channel != null || service != null) {
            try {
                model.addAttribute("whatIf", console.whatIf(helpdesk, soi, channel, service, locale));
            } catch (GuichetException e) {
                model.addAttribute("whatIfError", e.errorCode().messageKey());
            }
        }
        return "support/agent";
    }

    @PostMapping("/support/agents/{soi}/{action}")
    String processAction(
            @PathVariable String soi,
            @PathVariable String action,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "lost", defaultValue = "false") boolean lost,
            Principal principal,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var helpdesk = helpdesk(principal, request);
        try {
            switch (action) {
                case "unlock" -> console.unlock(helpdesk, soi, reason);
                case "enrolment-code" ->
                    redirect.addFlashAttribute("enrolmentCode", console.issueEnrolmentCode(helpdesk, soi, reason));
                case "revoke-sessions" ->
                    redirect.addFlashAttribute("closed", console.revokeSessions(helpdesk, soi, reason));
                case "activate-nomadic" -> console.activateNomadic(helpdesk, soi, reason);
                case "reset-factors" -> console.resetFactors(helpdesk, soi, reason, lost);
                default -> throw new GuichetException(SupportError.AGENT_NOT_FOUND);
            }
            redirect.addFlashAttribute("done", "support.done." + action);
        } catch (GuichetException e) {
            if (e.errorCode() == SupportError.AGENT_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.errorCode().messageKey());
            redirect.addFlashAttribute("refusedAction", action);
        }
        return "redirect:/support/agents/" + soi;
    }

    @PostMapping("/support/agents/{soi}/devices/{device}/revoke")
    String processDeviceRevocation(
            @PathVariable String soi,
            @PathVariable String device,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            Principal principal,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            console.revokeDevice(helpdesk(principal, request), soi, device, reason);
            redirect.addFlashAttribute("done", "support.done.revoke-device");
        } catch (GuichetException e) {
            if (e.errorCode() == SupportError.AGENT_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.errorCode().messageKey());
        }
        return "redirect:/support/agents/" + soi;
    }

    private HelpdeskConsole.Helpdesk helpdesk(Principal principal, HttpServletRequest request) {
        return new HelpdeskConsole.Helpdesk(AgentId.of(principal.getName()), connections.of(request));
    }
}

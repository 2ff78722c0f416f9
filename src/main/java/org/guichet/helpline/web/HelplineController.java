package org.guichet.helpline.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.helpline.ConversationId;
import org.guichet.helpline.Conversations;
import org.guichet.helpline.HelplineError;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.support.HelpdeskConsole;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helpline's pages: for the agent, "contact IT support" (from a refusal, its reference carried along) and their
 * conversations; for the helpdesk, the queue and each conversation beside the agent's "check agent" findings.
 */
@Controller
@ConditionalOnWebApplication
class HelplineController {

    private final Conversations conversations;
    private final HelpdeskConsole console;
    private final ClientConnections connections;

    HelplineController(Conversations conversations, HelpdeskConsole console, ClientConnections connections) {
        this.conversations = conversations;
        this.console = console;
        this.connections = connections;
    }

    @GetMapping("/help/contact")
    String initContactForm(
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String from,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Referer", required = false) @Nullable
                    String referer,
            Model model) {
        model.addAttribute("reference", reference == null || reference.length() > 20 ? null : reference);
        // the page the agent came from: the path only (its address, whoever's host it names, is not kept)
        var page = from;
        if (page == null && referer != null) {
            try {
                page = java.net.URI.create(referer).getRawPath();
            } catch (IllegalArgumentException garbled) {
                page = null;
            }
        }
        model.addAttribute("from", page == null || page.length() > 300 || !page.startsWith("/") ? null : page);
        return "helpline/contact";
    }

    @PostMapping("/help/contact")
    String processContactForm(
            @RequestParam(defaultValue = "") String message,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String from,
            Principal agent,
            HttpServletRequest request,
            Model model) {
        try {
            var id = conversations.open(
                    AgentId.of(agent.getName()),
                    message,
                    new Conversations.Context(
                            reference == null || reference.isBlank() ? null : reference.strip(),
                            connections.of(request).channel().name(),
                            from,
                            request.getHeader("User-Agent")));
            return "redirect:/help/conversations/" + id;
        } catch (GuichetException refused) {
            if (refused.errorCode() != HelplineError.MESSAGE_INVALID) {
                throw refused;
            }
            model.addAttribute("reference", reference);
            model.addAttribute("from", from);
            model.addAttribute("invalid", true);
            return "helpline/contact";
        }
    }

    @GetMapping("/help/conversations")
    String showMine(Principal agent, Model model) {
        model.addAttribute("conversations", conversations.mine(AgentId.of(agent.getName())));
        return "helpline/conversations";
    }

    @GetMapping("/help/conversations/{id}")
    String showMine(@PathVariable String id, Principal agent, Model model) {
        model.addAttribute("conversation", conversations.ofAgent(AgentId.of(agent.getName()), named(id)));
        return "helpline/conversation";
    }

    @PostMapping("/help/conversations/{id}/replies")
    String processReply(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String message,
            Principal agent,
            RedirectAttributes redirect) {
        conversations.reply(AgentId.of(agent.getName()), named(id), message);
        return "redirect:/help/conversations/" + id;
    }

    @GetMapping("/support/conversations")
    String showQueue(Model model) {
        var queue = conversations.queue();
        model.addAttribute("conversations", queue);
        model.addAttribute(
                "waiting",
                queue.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                conversation -> conversation.id().toString(), conversations::waitingMinutes)));
        return "helpline/queue";
    }

    @GetMapping("/support/conversations/{id}")
    String showForHelpdesk(
            @PathVariable String id, Principal helpdesk, HttpServletRequest request, Locale locale, Model model) {
        var conversation = conversations.forHelpdesk(named(id));
        model.addAttribute("conversation", conversation);
        model.addAttribute(
                "diagnosis",
                console.diagnose(
                        new HelpdeskConsole.Helpdesk(AgentId.of(helpdesk.getName()), connections.of(request)),
                        conversation.agent().soi(),
                        locale));
        return "helpline/helpdesk-conversation";
    }

    @PostMapping("/support/conversations/{id}/answer")
    String processAnswer(@PathVariable String id, @RequestParam(defaultValue = "") String message, Principal helpdesk) {
        conversations.answer(AgentId.of(helpdesk.getName()), named(id), message);
        return "redirect:/support/conversations/" + id;
    }

    @PostMapping("/support/conversations/{id}/resolve")
    String processResolve(@PathVariable String id, Principal helpdesk) {
        conversations.resolve(AgentId.of(helpdesk.getName()), named(id));
        return "redirect:/support/conversations";
    }

    static ConversationId named(String id) {
        return ConversationId.parse(id).orElseThrow(() -> new GuichetException(HelplineError.CONVERSATION_NOT_FOUND));
    }
}

package org.guichet.helpline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.stream.Collectors;
import org.guichet.directory.AgentId;
import org.guichet.helpline.ConversationId;
import org.guichet.helpline.Conversations;
import org.guichet.helpline.HelplineError;
import org.guichet.helpline.LoginPageMessages;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helpline's pages: for the agent, "contact IT support" (from a refusal, its reference carried along; from the
 * login page, with an identifier) and their conversations; for the helpdesk, the queue and each conversation beside
 * the agent's "check agent" findings, with the console's remedies, canned answers, taking and reopening.
 */
@Controller
@ConditionalOnWebApplication
class HelplineController {

    private final Conversations conversations;
    private final LoginPageMessages loginPage;
    private final HelpdeskConsole console;
    private final ClientConnections connections;
    private final CannedAnswers canned;

    HelplineController(
            Conversations conversations,
            LoginPageMessages loginPage,
            HelpdeskConsole console,
            ClientConnections connections,
            CannedAnswers canned) {
        this.conversations = conversations;
        this.loginPage = loginPage;
        this.console = console;
        this.connections = connections;
        this.canned = canned;
    }

    @GetMapping("/help/contact")
    String initContactForm(
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String from,
            @RequestHeader(name = "Referer", required = false) @Nullable String referer,
            Model model) {
        model.addAttribute("reference", reference == null || reference.length() > 20 ? null : reference);
        // the page the agent came from: the path only (its address, whoever's host it names, is not kept)
        var page = from;
        if (page == null && referer != null) {
            try {
                page = URI.create(referer).getRawPath();
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
            HttpServletResponse response,
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
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reference", reference);
            model.addAttribute("from", from);
            model.addAttribute("invalid", true);
            return "helpline/contact";
        }
    }

    /** The login page's form, for whoever cannot sign in. */
    @GetMapping("/help/write")
    String initLoginPageForm() {
        return "helpline/write";
    }

    @PostMapping("/help/write")
    String processLoginPageForm(
            @RequestParam(defaultValue = "") String identifier,
            @RequestParam(defaultValue = "") String message,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var connection = connections.of(request);
        try {
            loginPage.take(
                    identifier,
                    message,
                    connection.address(),
                    connection.channel().name(),
                    request.getHeader("User-Agent"));
        } catch (GuichetException refused) {
            response.setStatus(refused.errorCode().status().value());
            model.addAttribute("identifier", identifier);
            model.addAttribute("message", message);
            model.addAttribute("refusal", refused.errorCode().messageKey());
            model.addAttribute(
                    "refusedField",
                    refused.errorCode() == HelplineError.IDENTIFIER_INVALID
                            ? "identifier"
                            : refused.errorCode() == HelplineError.MESSAGE_INVALID ? "message" : null);
            return "helpline/write";
        }
        model.addAttribute("received", true);
        return "helpline/write";
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
            @RequestParam(defaultValue = "false") boolean reopen,
            Principal agent,
            RedirectAttributes redirect) {
        try {
            conversations.reply(AgentId.of(agent.getName()), named(id), message, reopen);
        } catch (GuichetException refused) {
            if (refused.errorCode() != HelplineError.MESSAGE_INVALID) {
                throw refused;
            }
            redirect.addFlashAttribute("invalid", true);
        }
        return "redirect:/help/conversations/" + id;
    }

    @GetMapping("/support/conversations")
    String showQueue(Model model) {
        var queue = conversations.queue();
        model.addAttribute("conversations", queue);
        model.addAttribute(
                "waiting",
                queue.stream()
                        .collect(Collectors.toMap(
                                conversation -> conversation.id().toString(), conversations::waitingMinutes)));
        return "helpline/queue";
    }

    @GetMapping("/support/conversations/{id}")
    String showForHelpdesk(
            @PathVariable String id, Principal helpdesk, HttpServletRequest request, Locale locale, Model model) {
        var conversation = conversations.forHelpdesk(named(id));
        var diagnosis = console.diagnose(
                helpdesk(helpdesk, request), conversation.agent().soi(), locale);
        model.addAttribute("conversation", conversation);
        model.addAttribute("waiting", conversations.waitingMinutes(conversation));
        model.addAttribute("diagnosis", diagnosis);
        model.addAttribute(
                "remedies",
                diagnosis.findings().stream()
                        .filter(finding -> finding.remedy() != null)
                        .flatMap(finding ->
                                Conversations.Remedy.ofName(finding.remedy().name()).stream())
                        .distinct()
                        .toList());
        model.addAttribute("allRemedies", Conversations.Remedy.values());
        model.addAttribute("helpdeskAgents", conversations.helpdeskAgents());
        model.addAttribute("canned", canned.all());
        model.addAttribute(
                "self", helpdesk.getName().equals(conversation.agent().soi()));
        return "helpline/helpdesk-conversation";
    }

    @PostMapping("/support/conversations/{id}/answer")
    String processAnswer(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "") String canned,
            Principal helpdesk,
            RedirectAttributes redirect) {
        var text = message.isBlank() ? this.canned.text(canned).orElse("") : message;
        try {
            conversations.answer(AgentId.of(helpdesk.getName()), named(id), text);
        } catch (GuichetException refused) {
            if (refused.errorCode() != HelplineError.MESSAGE_INVALID) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.errorCode().messageKey());
        }
        return "redirect:/support/conversations/" + id;
    }

    @PostMapping("/support/conversations/{id}/assign")
    String processAssign(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String to,
            Principal helpdesk,
            RedirectAttributes redirect) {
        AgentId assignee = null;
        if ("me".equals(to)) {
            assignee = AgentId.of(helpdesk.getName());
        } else if (!to.isBlank()) {
            if (!AgentId.isSoi(to)) {
                throw new GuichetException(HelplineError.NOT_HELPDESK);
            }
            assignee = AgentId.of(to);
        }
        conversations.assign(named(id), assignee);
        redirect.addFlashAttribute("done", assignee == null ? "helpline.released" : "helpline.assigned");
        return "redirect:/support/conversations/" + id;
    }

    @PostMapping("/support/conversations/{id}/resolve")
    String processResolve(@PathVariable String id, Principal helpdesk) {
        conversations.resolve(AgentId.of(helpdesk.getName()), named(id));
        return "redirect:/support/conversations";
    }

    @PostMapping("/support/conversations/{id}/reopen")
    String processReopen(@PathVariable String id, Principal helpdesk) {
        conversations.reopen(AgentId.of(helpdesk.getName()), named(id));
        return "redirect:/support/conversations/" + id;
    }

    @PostMapping("/support/conversations/{id}/remedies/{remedy}")
    String processRemedy(
            @PathVariable String id,
            @PathVariable String remedy,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "lost", defaultValue = "false") boolean lost,
            Principal helpdesk,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var which = Conversations.Remedy.ofPath(remedy)
                .orElseThrow(() -> new GuichetException(HelplineError.CONVERSATION_NOT_FOUND));
        try {
            var result = conversations.remedy(helpdesk(helpdesk, request), named(id), which, reason, lost);
            redirect.addFlashAttribute("done", "support.done." + which.path());
            if (result instanceof org.guichet.identity.EnrolmentCode code) {
                redirect.addFlashAttribute("enrolmentCode", code);
            }
        } catch (GuichetException refused) {
            if (refused.errorCode() == HelplineError.CONVERSATION_NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.errorCode().messageKey());
        }
        return "redirect:/support/conversations/" + id;
    }

    private HelpdeskConsole.Helpdesk helpdesk(Principal helpdesk, HttpServletRequest request) {
        return new HelpdeskConsole.Helpdesk(AgentId.of(helpdesk.getName()), connections.of(request));
    }

    static ConversationId named(String id) {
        return ConversationId.parse(id).orElseThrow(() -> new GuichetException(HelplineError.CONVERSATION_NOT_FOUND));
    }
}

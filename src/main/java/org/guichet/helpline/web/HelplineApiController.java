package org.guichet.helpline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.helpline.Conversation;
import org.guichet.helpline.Conversations;
import org.guichet.helpline.HelplineError;
import org.guichet.helpline.LoginPageMessages;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.support.HelpdeskConsole;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The helpline's API: an agent's conversations ({@code /api/v1/conversations}), the login page's form for whoever
 * cannot sign in ({@code /api/v1/conversations/anonymous}, answered {@code 202} whatever the identifier), and the
 * helpdesk's queue and actions ({@code /api/v1/support/conversations}).
 */
@RestController
@ConditionalOnWebApplication
class HelplineApiController {

    private final Conversations conversations;
    private final LoginPageMessages loginPage;
    private final ClientConnections connections;

    HelplineApiController(Conversations conversations, LoginPageMessages loginPage, ClientConnections connections) {
        this.conversations = conversations;
        this.loginPage = loginPage;
        this.connections = connections;
    }

    /** What an agent writes to IT support, with the reference of the refusal they were shown (optional). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ConversationOpenCommand")
    record OpenCommand(
            @NotBlank @Size(max = Conversations.LONGEST_MESSAGE)
            String message,

            @Nullable @Size(max = 20) String reference,
            @Nullable @Size(max = 300) String page) {}

    /** What someone who cannot sign in writes, with the identifier they sign in with. */
    record AnonymousCommand(
            @NotBlank @Size(max = 200) String identifier,

            @NotBlank @Size(max = Conversations.LONGEST_MESSAGE)
            String message) {}

    /** A message added to a conversation; {@code reopen} asks to reopen a resolved one. */
    record ReplyCommand(
            @NotBlank @Size(max = Conversations.LONGEST_MESSAGE)
            String message,

            @Nullable Boolean reopen) {}

    /** Who takes a conversation: an SOI of the helpdesk, or null to give it back to the queue. */
    record AssignCommand(@Nullable @Size(max = 7) String to) {}

    /** A remedy's reason, and for a reset of factors whether the agent lost them. */
    record RemedyCommand(
            @Nullable @Size(max = 500) String reason,
            @Nullable Boolean lost) {}

    /** A conversation opened: its identity. */
    record Opened(String id) {}

    /** The login page's form took the message (whatever the identifier named). */
    record Received(String status) {}

    @PostMapping("/api/v1/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@RequestBody @Valid OpenCommand command, Principal agent, HttpServletRequest request) {
        var id = conversations.open(
                AgentId.of(agent.getName()),
                command.message(),
                new Conversations.Context(
                        command.reference() == null || command.reference().isBlank()
                                ? null
                                : command.reference().strip(),
                        connections.of(request).channel().name(),
                        command.page(),
                        request.getHeader("User-Agent")));
        return new Opened(id.toString());
    }

    @PostMapping("/api/v1/conversations/anonymous")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Received anonymous(@RequestBody @Valid AnonymousCommand command, HttpServletRequest request) {
        var connection = connections.of(request);
        loginPage.take(
                command.identifier(),
                command.message(),
                connection.address(),
                connection.channel().name(),
                request.getHeader("User-Agent"));
        return new Received("RECEIVED");
    }

    @GetMapping("/api/v1/conversations")
    List<Conversation> mine(Principal agent) {
        return conversations.mine(AgentId.of(agent.getName()));
    }

    @GetMapping("/api/v1/conversations/{id}")
    Conversation one(@PathVariable String id, Principal agent) {
        return conversations.ofAgent(AgentId.of(agent.getName()), HelplineController.named(id));
    }

    @PostMapping("/api/v1/conversations/{id}/replies")
    Conversation reply(@PathVariable String id, @RequestBody @Valid ReplyCommand command, Principal agent) {
        var me = AgentId.of(agent.getName());
        conversations.reply(me, HelplineController.named(id), command.message(), Boolean.TRUE.equals(command.reopen()));
        return conversations.ofAgent(me, HelplineController.named(id));
    }

    @GetMapping("/api/v1/support/conversations")
    List<Conversation> queue() {
        return conversations.queue();
    }

    @GetMapping("/api/v1/support/conversations/{id}")
    Conversation forHelpdesk(@PathVariable String id) {
        return conversations.forHelpdesk(HelplineController.named(id));
    }

    @PostMapping("/api/v1/support/conversations/{id}/answer")
    Conversation answer(@PathVariable String id, @RequestBody @Valid ReplyCommand command, Principal helpdesk) {
        conversations.answer(AgentId.of(helpdesk.getName()), HelplineController.named(id), command.message());
        return conversations.forHelpdesk(HelplineController.named(id));
    }

    @PostMapping("/api/v1/support/conversations/{id}/assign")
    Conversation assign(@PathVariable String id, @RequestBody @Valid AssignCommand command) {
        var to = command.to();
        if (to != null && !AgentId.isSoi(to)) {
            throw new GuichetException(HelplineError.NOT_HELPDESK);
        }
        conversations.assign(HelplineController.named(id), to == null ? null : AgentId.of(to));
        return conversations.forHelpdesk(HelplineController.named(id));
    }

    @PostMapping("/api/v1/support/conversations/{id}/resolve")
    Conversation resolve(@PathVariable String id, Principal helpdesk) {
        conversations.resolve(AgentId.of(helpdesk.getName()), HelplineController.named(id));
        return conversations.forHelpdesk(HelplineController.named(id));
    }

    @PostMapping("/api/v1/support/conversations/{id}/reopen")
    Conversation reopen(@PathVariable String id, Principal helpdesk) {
        conversations.reopen(AgentId.of(helpdesk.getName()), HelplineController.named(id));
        return conversations.forHelpdesk(HelplineController.named(id));
    }

    /** Applies one of the console's remedies to the conversation's agent; the enrolment code when that is the one. */
    @PostMapping("/api/v1/support/conversations/{id}/remedies/{remedy}")
    @Nullable
    Object remedy(
            @PathVariable String id,
            @PathVariable String remedy,
            @RequestBody @Valid RemedyCommand command,
            Principal helpdesk,
            HttpServletRequest request) {
        var which = Conversations.Remedy.ofPath(remedy)
                .orElseThrow(() -> new GuichetException(HelplineError.CONVERSATION_NOT_FOUND));
        var result = conversations.remedy(
                new HelpdeskConsole.Helpdesk(AgentId.of(helpdesk.getName()), connections.of(request)),
                HelplineController.named(id),
                which,
                command.reason(),
                Boolean.TRUE.equals(command.lost()));
        return result != null ? result : conversations.forHelpdesk(HelplineController.named(id));
    }
}

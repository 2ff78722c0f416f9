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
import org.guichet.network.ClientConnections;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The helpline's API: an agent's conversations ({@code /api/v1/conversations}) and the helpdesk's queue. */
@RestController
@ConditionalOnWebApplication
class HelplineApiController {

    private final Conversations conversations;
    private final ClientConnections connections;

    HelplineApiController(Conversations conversations, ClientConnections connections) {
        this.conversations = conversations;
        this.connections = connections;
    }

    /** What an agent writes to IT support, with the reference of the refusal they were shown (optional). */
    record OpenCommand(
            @NotBlank @Size(max = Conversations.LONGEST_MESSAGE)
            String message,

            @Nullable @Size(max = 20) String reference,
            @Nullable @Size(max = 300) String page) {}

    /** A conversation opened: its identity. */
    record Opened(String id) {}

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

    @GetMapping("/api/v1/conversations")
    List<Conversation> mine(Principal agent) {
        return conversations.mine(AgentId.of(agent.getName()));
    }

    @GetMapping("/api/v1/support/conversations")
    List<Conversation> queue() {
        return conversations.queue();
    }
}

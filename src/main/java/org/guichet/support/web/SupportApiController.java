package org.guichet.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnections;
import org.guichet.support.Finding;
import org.guichet.support.HelpdeskConsole;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The helpdesk console's API (role SUPPORT, second factor, office network or VPN). */
@RestController
class SupportApiController {

    private final HelpdeskConsole console;
    private final ClientConnections connections;

    SupportApiController(HelpdeskConsole console, ClientConnections connections) {
        this.console = console;
        this.connections = connections;
    }

    /** The body of an action: why. */
    record ActionCommand(@Nullable String reason) {}

    record AgentView(String soi, String login, String name, String department, String status) {}

    @GetMapping("/api/v1/support/agents")
    List<AgentView> find(@RequestParam(name = "q", defaultValue = "") String text) {
        return console.find(text).stream()
                .map(agent -> new AgentView(
                        agent.id().soi(),
                        agent.login(),
                        agent.displayName(),
                        agent.departmentName(),
                        agent.status().name()))
                .toList();
    }

    @GetMapping("/api/v1/support/agents/{soi}/diagnosis")
    List<Finding> diagnosis(@PathVariable String soi, Principal principal, HttpServletRequest request, Locale locale) {
        return console.diagnose(helpdesk(principal, request), soi, locale).findings();
    }

    @PostMapping("/api/v1/support/agents/{soi}/unlock")
    Map<String, Object> unlock(
            @PathVariable String soi,
            @RequestBody(required = false) @Nullable ActionCommand command,
            Principal principal,
            HttpServletRequest request) {
        console.unlock(helpdesk(principal, request), soi, reason(command));
        return Map.of("unlocked", true);
    }

    /** The body of a factor reset: why, and whether the agent lost them (then they go at once). */
    record ResetCommand(@Nullable String reason, boolean lost) {}

    @PostMapping("/api/v1/support/agents/{soi}/factors/reset")
    Map<String, Object> resetFactors(
            @PathVariable String soi,
            @RequestBody(required = false) @Nullable ResetCommand command,
            Principal principal,
            HttpServletRequest request) {
        var removed = console.resetFactors(
                helpdesk(principal, request),
                soi,
                command == null ? null : command.reason(),
                command != null && command.lost());
        return Map.of("removed", removed, "waitingForNewFactor", command == null || !command.lost());
    }

    record IssuedCode(String code, Instant expiresAt) {}

    @PostMapping("/api/v1/support/agents/{soi}/enrolment-code")
    IssuedCode enrolmentCode(
            @PathVariable String soi,
            @RequestBody(required = false) @Nullable ActionCommand command,
            Principal principal,
            HttpServletRequest request) {
        var code = console.issueEnrolmentCode(helpdesk(principal, request), soi, reason(command));
        return new IssuedCode(code.code(), code.expiresAt());
    }

    @PostMapping("/api/v1/support/agents/{soi}/devices/{device}/revoke")
    Map<String, Object> revokeDevice(
            @PathVariable String soi,
            @PathVariable String device,
            @RequestBody(required = false) @Nullable ActionCommand command,
            Principal principal,
            HttpServletRequest request) {
        console.revokeDevice(helpdesk(principal, request), soi, device, reason(command));
        return Map.of("revoked", device);
    }

    @PostMapping("/api/v1/support/agents/{soi}/sessions/revoke")
    Map<String, Object> revokeSessions(
            @PathVariable String soi,
            @RequestBody(required = false) @Nullable ActionCommand command,
            Principal principal,
            HttpServletRequest request) {
        return Map.of("closed", console.revokeSessions(helpdesk(principal, request), soi, reason(command)));
    }

    @GetMapping("/api/v1/support/agents/{soi}/what-if")
    HelpdeskConsole.WhatIf whatIf(
            @PathVariable String soi,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String service,
            Principal principal,
            HttpServletRequest request,
            Locale locale) {
        return console.whatIf(helpdesk(principal, request), soi, channel, service, locale);
    }

    private HelpdeskConsole.Helpdesk helpdesk(Principal principal, HttpServletRequest request) {
        return new HelpdeskConsole.Helpdesk(AgentId.of(principal.getName()), connections.of(request));
    }

    private static @Nullable String reason(@Nullable ActionCommand command) {
        return command == null ? null : command.reason();
    }
}

package org.guichet.session.sessions;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.platform.SessionHandles;
import org.guichet.session.SessionApplications;
import org.guichet.session.SessionRevoked;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My sessions": where the agent is signed in, the applications each session signed into, and closing any of them (or
 * signing a session out of one application).
 */
@ConditionalOnWebApplication
@Controller
class SessionsController {

    private final AgentSessions sessions;
    private final ObjectProvider<SessionApplications> applications;
    private final ObjectProvider<org.guichet.session.AgentDevices> devices;

    SessionsController(
            AgentSessions sessions,
            ObjectProvider<SessionApplications> applications,
            ObjectProvider<org.guichet.session.AgentDevices> devices) {
        this.sessions = sessions;
        this.applications = applications;
        this.devices = devices;
    }

    @GetMapping("/account/sessions")
    String showSessions(Principal principal, HttpSession session, Model model) {
        var agent = AgentId.of(principal.getName());
        var open = sessions.of(agent, session.getId());
        var signedInto = new java.util.HashMap<String, java.util.List<SessionApplications.SignedInApplication>>();
        var provider = applications.getIfAvailable();
        for (var each : open) {
            signedInto.put(
                    each.handle(),
                    provider == null || each.key() == null ? java.util.List.of() : provider.of(agent, each.key()));
        }
        model.addAttribute("sessions", open);
        model.addAttribute("applications", signedInto);
        var list = devices.getIfAvailable();
        model.addAttribute("devices", list == null ? java.util.List.of() : list.of(agent));
        return "session/sessions";
    }

    /** Revokes one of the agent's devices (an installation of the phone app): its tokens die at once. */
    @PostMapping("/account/devices/{id}/revoke")
    String revokeDevice(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        var list = devices.getIfAvailable();
        if (list == null || !list.revoke(agent, id, agent, null)) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("deviceRevoked", true);
        return "redirect:/account/sessions";
    }

    /** Signs one session out of one application it signed into; the session stays open. */
    @PostMapping("/account/sessions/{handle}/applications/{clientId}/sign-out")
    String signOutOfApplication(
            @PathVariable String handle,
            @PathVariable String clientId,
            Principal principal,
            HttpSession session,
            RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        var provider = applications.getIfAvailable();
        var key = sessions.of(agent, session.getId()).stream()
                .filter(each -> each.handle().equals(handle))
                .map(AgentSessions.AgentSession::key)
                .filter(java.util.Objects::nonNull)
                .findFirst();
        var signedOut = provider != null && key.isPresent() && provider.signOut(agent, key.get(), clientId);
        if (!signedOut) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("signedOutOf", clientId);
        return "redirect:/account/sessions";
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

package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.SignInError;
import org.guichet.identity.password.PasswordService;
import org.guichet.identity.signin.Lockout;
import org.guichet.network.ClientConnections;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The signed-in agent's password typed again (to change it, or to confirm a change when they have no second factor):
 * wrong ones count towards the lock of their SOI, exactly as at the login page, so a left-open session cannot be used
 * to guess it.
 */
@Component
class PasswordConfirmation {

    private final PasswordService passwords;
    private final Lockout lockout;
    private final ClientConnections connections;

    PasswordConfirmation(PasswordService passwords, Lockout lockout, ClientConnections connections) {
        this.passwords = passwords;
        this.lockout = lockout;
        this.connections = connections;
    }

    /** Tells whether this is the agent's password; when not, says why next to the field. */
    boolean check(AgentProfile agent, String password, HttpServletRequest request, BindingResult result, String field) {
        var key = Lockout.identifierKey(agent.id().soi());
        if (lockout.lockedUntil(key).isPresent()) {
            result.rejectValue(field, "identity.password.current.locked");
            return false;
        }
        if (!passwords.matchesCurrent(agent, password)) {
            lockout.recordFailure(key, agent, connections.of(request), SignInError.BAD_CREDENTIALS);
            result.rejectValue(field, "identity.password.current.wrong");
            return false;
        }
        return true;
    }

    boolean check(AgentProfile agent, String password, HttpServletRequest request, BindingResult result) {
        return check(agent, password, request, result, "password");
    }
}

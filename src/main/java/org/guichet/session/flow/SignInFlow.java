package org.guichet.session.flow;

import java.util.ArrayList;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.guichet.session.charter.CharterService;
import org.springframework.stereotype.Service;

/** The steps an agent still owes after their password: a new password (first sign-in, expiry), the charter. */
@Service
public class SignInFlow {

    private final IdentityManagement identity;
    private final CharterService charter;

    SignInFlow(IdentityManagement identity, CharterService charter) {
        this.identity = identity;
        this.charter = charter;
    }

    public List<SignInStep> pending(AgentId agent) {
        var steps = new ArrayList<SignInStep>();
        if (identity.passwordStatus(agent).changeRequired()) {
            steps.add(SignInStep.CHANGE_PASSWORD);
        }
        if (charter.pending(agent)) {
            steps.add(SignInStep.ACCEPT_CHARTER);
        }
        return steps;
    }
}

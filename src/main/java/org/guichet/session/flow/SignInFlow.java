package org.guichet.session.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.NomadicState;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.SecondFactors;
import org.guichet.network.Channel;
import org.guichet.session.charter.CharterService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The steps an agent still owes after their password: the second factor first (where one is required: nothing else,
 * not even choosing a new password, happens on a password alone), then a new password (first sign-in, expiry), then
 * the charter. On the internet, an agent without an active remote-access profile then reaches only the page that
 * explains it and lets them ask for it.
 */
@Service
public class SignInFlow {

    private final IdentityManagement identity;
    private final SecondFactors secondFactors;
    private final CharterService charter;
    private final NomadicProfiles nomadic;

    SignInFlow(
            IdentityManagement identity, SecondFactors secondFactors, CharterService charter, NomadicProfiles nomadic) {
        this.identity = identity;
        this.secondFactors = secondFactors;
        this.charter = charter;
        this.nomadic = nomadic;
    }

    /**
     * On the internet, the agent's remote-access profile when it is not active (nothing but the remote-access page is
     * open to them then); empty on other channels or with an active profile. Checked on every request: the channel
     * and the profile can both change during a session.
     */
    public Optional<NomadicState> remoteAccessMissing(AgentId agent, Channel channel) {
        if (channel != Channel.NOMADIC) {
            return Optional.empty();
        }
        var state = nomadic.state(agent);
        return state == NomadicState.ACTIVE ? Optional.empty() : Optional.of(state);
    }

    /** Every step still owed on this channel. */
    public List<SignInStep> pending(Authentication authentication, Channel channel) {
        var steps = new ArrayList<SignInStep>();
        secondFactorStep(authentication, channel).ifPresent(steps::add);
        steps.addAll(afterSecondFactor(AgentId.of(authentication.getName())));
        return steps;
    }

    /** The second-factor step, if owed on this channel (it depends on the channel, so it is never cached). */
    Optional<SignInStep> secondFactorStep(Authentication authentication, Channel channel) {
        return switch (secondFactors.pending(authentication, channel)) {
            case NONE -> Optional.empty();
            case VERIFY -> Optional.of(SignInStep.SECOND_FACTOR);
            case ENROL -> Optional.of(SignInStep.ENROL_FACTOR);
        };
    }

    /** The steps after the second factor: once done, they stay done for the session. */
    List<SignInStep> afterSecondFactor(AgentId agent) {
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

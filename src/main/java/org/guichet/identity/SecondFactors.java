package org.guichet.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.mfa.SecondStep;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.network.ClientConnections;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.platform.LiveSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Service;

/**
 * When a second factor is required, as Spring Security authorization rules and as the step of the sign-in it calls
 * for.
 *
 * <p>By default a second factor is required on every channel but the office network, and on every channel of agents
 * with a sensitive profile or the HR, SUPPORT, SECURITY or ADMIN role. Rules check the factor authorities of the
 * session ({@link FactorGrantedAuthority}, with the time each was used) through Spring Security's {@link
 * AllRequiredFactorsAuthorizationManager}: the password and any second factor to be signed in; a second factor used
 * in the last 5 minutes (the password, for an agent without one) to change factors or the mobile number.
 */
@Service
public class SecondFactors {

    /** The authority of agents with a sensitive profile (finance, HR, IT). */
    public static final String SENSITIVE_PROFILE = "PROFILE_SENSITIVE";

    /** The pages that show factors and the mobile number: reached without a step-up. */
    public static final String[] STEP_UP_PAGES = {"/account/factors", "/account/mobile"};

    /** What needs a recent second factor (step-up): adding, renaming, removing factors; changing the mobile number. */
    public static final String[] STEP_UP = {"/account/factors/**", "/account/mobile/**"};

    /**
     * Session attribute set when this session may enrol a first factor without a step-up: from the office network,
     * or after an enrolment code from the helpdesk.
     */
    public static final String ENROLMENT_GRANTED = SecondFactors.class.getName() + ".enrolmentGranted";

    /** What the sign-in still needs for the second factor. */
    public enum Step {
        /** Nothing: not required, or already given. */
        NONE,
        /** The agent must use one of their factors. */
        VERIFY,
        /** The agent has none and must enrol one. */
        ENROL
    }

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final IdentitySettings.Mfa settings;
    private final LiveSettings live;
    private final DirectoryManagement directory;
    private final Factors factors;
    private final SecondStep secondStep;
    private final ClientConnections connections;
    private final AuthorizationManager<RequestAuthorizationContext> anySecondFactor;
    private final AuthorizationManager<RequestAuthorizationContext> recentSecondFactor;
    private final AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> recentPassword;

    SecondFactors(
            IdentitySettings settings,
            DirectoryManagement directory,
            Factors factors,
            SecondStep secondStep,
            ClientConnections connections,
            LiveSettings live,
            Clock clock) {
        this.settings = settings.mfa();
        this.live = live;
        this.directory = directory;
        this.factors = factors;
        this.secondStep = secondStep;
        this.connections = connections;
        this.anySecondFactor = anyOf(null, clock);
        this.recentSecondFactor = anyOf(this.settings.stepUpWindow(), clock);
        this.recentPassword = AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                .requireFactor(factor -> factor.passwordAuthority().validDuration(this.settings.stepUpWindow()))
                .build();
        this.recentPassword.setClock(clock);
    }

    /**
     * The rules in force for who needs a second factor: the configuration's, or what an administrator set (live
     * setting {@code identity.mfa}; the step-up window and the code failures stay the configuration's).
     */
    public IdentitySettings.Mfa rules() {
        return live.get(IdentitySettings.LIVE_MFA, IdentitySettings.Mfa.class, settings);
    }

    /** Sets who needs a second factor, on every node; never without one from the internet. */
    public void changeRules(IdentitySettings.Mfa rules, String by) {
        if (rules.channelsWithoutMfa().contains(Channel.NOMADIC)) {
            throw new LiveSettingRejected(List.of(new LiveSettingRejected.Problem(
                    "channelsWithoutMfa", "identity.error.mfaFromInternet", List.of())));
        }
        live.put(IdentitySettings.LIVE_MFA, rules, by);
    }

    /** The password and one second factor (of any kind), each used within {@code window} when given. */
    private static AuthorizationManager<RequestAuthorizationContext> anyOf(
            java.time.@Nullable Duration window, Clock clock) {
        @SuppressWarnings("unchecked")
        AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext>[] each = Arrays.stream(FactorType.values())
                .map(type -> {
                    var manager = AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                            .requireFactor(factor -> factor.passwordAuthority())
                            .requireFactor(
                                    factor -> factor.authority(type.authority()).validDuration(window))
                            .build();
                    manager.setClock(clock);
                    return manager;
                })
                .toArray(AllRequiredFactorsAuthorizationManager[]::new);
        return AllRequiredFactorsAuthorizationManager.anyOf(each);
    }

    /** Whether this agent needs a second factor on this channel. */
    public boolean required(AgentProfile agent, Channel channel) {
        return required(agent.sensitive(), agent.roles(), channel);
    }

    /** Whether the agent signed in with these authorities needs a second factor on this channel. */
    public boolean required(Collection<? extends GrantedAuthority> authorities, Channel channel) {
        var names = authorities.stream().map(GrantedAuthority::getAuthority).toList();
        var roles = Arrays.stream(Role.values())
                .filter(role -> names.contains("ROLE_" + role.name()))
                .toList();
        return required(names.contains(SENSITIVE_PROFILE), roles, channel);
    }

    private boolean required(boolean sensitive, Collection<Role> roles, Channel channel) {
        var rules = rules();
        return !rules.channelsWithoutMfa().contains(channel)
                || (rules.alwaysForSensitive() && sensitive)
                || roles.stream().anyMatch(rules.alwaysForRoles()::contains);
    }

    /** The second-factor step this session still owes on this channel. */
    public Step pending(Authentication authentication, Channel channel) {
        if (!required(authentication.getAuthorities(), channel)
                || !FactorType.usedIn(authentication).isEmpty()) {
            return Step.NONE;
        }
        var agent = directory.findById(AgentId.of(authentication.getName())).orElse(null);
        return agent != null && factors.hasSecondFactor(agent) ? Step.VERIFY : Step.ENROL;
    }

    /** The kinds of factor the agent has enrolled and can use. */
    public Set<FactorType> enrolled(AgentId agent) {
        return directory.findById(agent).map(factors::usable).orElse(Set.of());
    }

    /** The same, for an agent the caller has already read (one look-up fewer). */
    public Set<FactorType> enrolled(AgentProfile agent) {
        return factors.usable(agent);
    }

    /** Whether the agent has a factor to sign in with (not counting recovery codes). */
    public boolean hasSecondFactor(AgentId agent) {
        return directory.findById(agent).map(factors::hasSecondFactor).orElse(false);
    }

    /** Signed in: the password, and a second factor where one is required (channel of this request, profile). */
    public AuthorizationManager<RequestAuthorizationContext> signedIn() {
        return (authentication, context) -> {
            var current = authentication.get();
            if (!TRUST.isAuthenticated(current)) {
                return new AuthorizationDecision(false);
            }
            var channel = connections.of(context.getRequest()).channel();
            return required(current.getAuthorities(), channel)
                    ? anySecondFactor.authorize(authentication, context)
                    : new AuthorizationDecision(true);
        };
    }

    /**
     * Recently re-authenticated, to change factors, the mobile number or other sensitive data: a second factor used in
     * the last 5 minutes; for an agent who has none yet, the password typed in the last 5 minutes.
     */
    public AuthorizationManager<RequestAuthorizationContext> stepUp() {
        return (authentication, context) -> {
            var current = authentication.get();
            if (!TRUST.isAuthenticated(current)) {
                return new AuthorizationDecision(false);
            }
            var signedIn = signedIn().authorize(authentication, context);
            if (signedIn != null && !signedIn.isGranted()) {
                return signedIn;
            }
            return hasSecondFactor(AgentId.of(current.getName()))
                    ? recentSecondFactor.authorize(authentication, context)
                    : recentPassword.authorize(authentication, context);
        };
    }

    /** {@link #stepUp()}, or a session allowed to enrol its first factor (office network, enrolment code). */
    public AuthorizationManager<RequestAuthorizationContext> enrolment() {
        var stepUp = stepUp();
        return (authentication, context) ->
                enrolmentGranted(context.getRequest()) && TRUST.isAuthenticated(authentication.get())
                        ? new AuthorizationDecision(true)
                        : stepUp.authorize(authentication, context);
    }

    /** Whether this session was allowed to enrol a first factor without a step-up. */
    public static boolean enrolmentGranted(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(ENROLMENT_GRANTED));
    }

    /** Records a second factor proved outside Guichet's forms (a passkey, through Spring Security): announces it. */
    public void verified(AgentId agent, FactorType type, ClientConnection connection) {
        secondStep.verified(agent, type, connection);
    }
}

package org.guichet.messaging;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.platform.TransactionalEvents;
import org.guichet.session.SessionKeys;
import org.guichet.sso.AgentTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The signed-in agent's mail account, with a token for the mail server that this session holds and that is replaced
 * before it expires: the mail server never sees an expired token. A token is tied to the session, so that whatever
 * ends the session revokes it; it is found again among the session's authorizations (never kept in the HTTP session,
 * where two requests of one session would race to store it).
 */
@Service
@ConditionalOnWebApplication
public class MailAccounts {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailAccounts.class);

    static final Set<String> SCOPES = Set.of("mail");

    private final AgentTokens tokens;
    private final DirectoryManagement directory;
    private final ClientConnections connections;
    private final MessagingSettings settings;
    private final TransactionalEvents events;
    private final Clock clock;

    MailAccounts(
            AgentTokens tokens,
            DirectoryManagement directory,
            ClientConnections connections,
            MessagingSettings settings,
            TransactionalEvents events,
            Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.connections = connections;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Uses the agent's mailbox. A token the mail server refuses is revoked; when it was one held from before (revoked
     * elsewhere, or forgotten by the server), the work is tried once more with a new one, without a word to the agent;
     * a new token refused asks the agent to sign in again (a session that has ended gets none). The master user
     * refused is the mail server's problem, not the agent's: it is unavailable.
     */
    public <T> T with(
            HttpServletRequest request, Authentication agent, java.util.function.Function<MailAccount, T> use) {
        var current = current(request, agent);
        try {
            return use.apply(current.account());
        } catch (GuichetException refused) {
            if (refused.errorCode() != MessagingError.SIGN_IN_AGAIN) {
                throw refused;
            }
            if (!current.account().token()) {
                LOG.error("The mail server refused the master user {}", settings.masterUser());
                throw new GuichetException(MessagingError.MAIL_SERVER_UNAVAILABLE, refused);
            }
            tokens.revoke(current.account().secret());
            if (current.fresh()) {
                throw refused;
            }
        }
        var again = current(request, agent).account();
        try {
            return use.apply(again);
        } catch (GuichetException refused) {
            if (refused.errorCode() == MessagingError.SIGN_IN_AGAIN) {
                tokens.revoke(again.secret());
            }
            throw refused;
        }
    }

    /** Does something with the agent's mailbox that answers nothing (marking, moving, sending). */
    public void use(HttpServletRequest request, Authentication agent, java.util.function.Consumer<MailAccount> work) {
        with(request, agent, account -> {
            work.accept(account);
            return null;
        });
    }

    /** The agent's account, and whether its token was asked for just now. */
    record Current(MailAccount account, boolean fresh) {}

    /**
     * The account of the agent this request is signed in as: with a token good for at least the renewal margin, or, in
     * master-user mode, the master user on the agent's behalf (journaled each time).
     */
    Current current(HttpServletRequest request, Authentication agent) {
        var id = AgentId.of(agent.getName());
        var master = settings.authentication() == MessagingSettings.Authentication.MASTER_USER;
        if (master
                ? settings.masterPassword().isBlank()
                : settings.resourceServerSecret().isBlank()) {
            // no mail server is registered (or no master user given): the mailbox cannot be opened
            throw new GuichetException(MessagingError.MAIL_SERVER_UNAVAILABLE);
        }
        var profile = directory
                .findById(id)
                .orElseThrow(() -> new IllegalStateException("a signed-in agent is in the directory"));
        var connection = connections.of(request);
        if (master) {
            events.publish(new MailOpenedAsMasterUser(id, settings.masterUser(), connection, clock.instant()));
            return new Current(
                    new MailAccount(
                            profile.email(),
                            profile.email() + settings.masterUserSeparator() + settings.masterUser(),
                            settings.masterPassword(),
                            false),
                    true);
        }
        var session = SessionKeys.of(request.getSession());
        var held =
                tokens.held(settings.resourceServer(), session, clock.instant().plus(settings.renewBefore()));
        if (held.isPresent()) {
            return new Current(MailAccount.withToken(profile.email(), held.get().value()), false);
        }
        var issued = tokens.issue(
                settings.resourceServer(), id, session, connection, profile.email(), SCOPES, settings.tokenLifetime());
        return new Current(MailAccount.withToken(profile.email(), issued.value()), true);
    }
}

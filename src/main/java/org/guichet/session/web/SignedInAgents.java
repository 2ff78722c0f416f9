package org.guichet.session.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.guichet.directory.AgentChanged;
import org.guichet.directory.AgentCreated;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatusChanged;
import org.guichet.directory.AgentTransferred;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorRemoved;
import org.guichet.identity.FactorType;
import org.guichet.identity.MobileNumberChanged;
import org.guichet.identity.RecoveryCodeUsed;
import org.guichet.identity.SecondFactors;
import org.guichet.identity.SecondFactorsReset;
import org.guichet.platform.AfterCommit;
import org.guichet.platform.BriefCache;
import org.guichet.session.SessionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What {@code GET /api/v1/me} tells about a signed-in agent beyond the request itself: the directory's record and the
 * kinds of factor the agent can use, kept on this node {@link SessionSettings#agentCache() briefly} (an app asks at
 * every screen, a page and its calls ask together). The session itself is read at every request: signing out or a
 * revoked session ends the answers on every node at once.
 *
 * <p>Once committed, what changes the answer on this node forgets it here: a factor added, removed, reset or spent,
 * a mobile number verified forget the agent; any change in the directory forgets every agent (a transfer or a
 * departure changes who is a manager, the import changes thousands at once). The other nodes read the agent anew once
 * theirs expire. A read that began before a change is never kept after it.
 */
@Component
class SignedInAgents {

    /** The agent and the kinds of factor they can use, as read together. */
    record SignedInAgent(AgentProfile agent, Set<FactorType> factors) {}

    private final Function<AgentId, Optional<SignedInAgent>> reader;
    private final @Nullable Cache<AgentId, SignedInAgent> kept;
    /** Counts the changes seen: a read that saw another count at its start is not kept. */
    private final AtomicLong changes = new AtomicLong();

    @Autowired
    SignedInAgents(DirectoryManagement directory, SecondFactors secondFactors, SessionSettings settings) {
        this(
                id -> directory.findById(id).map(agent -> new SignedInAgent(agent, secondFactors.enrolled(agent))),
                settings);
    }

    /** Reading agents with this (tests: a read during which something changes). */
    SignedInAgents(Function<AgentId, Optional<SignedInAgent>> reader, SessionSettings settings) {
        this.reader = reader;
        this.kept = BriefCache.of(settings.agentCache(), settings.agentCacheSize());
    }

    Optional<SignedInAgent> find(AgentId id) {
        if (kept == null) {
            return reader.apply(id);
        }
        var known = kept.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        var before = changes.get();
        var read = reader.apply(id);
        if (read.isPresent()) {
            kept.put(id, read.get());
            // a change committed while reading may have been forgotten before this put: then this read is dropped
            if (changes.get() != before) {
                kept.invalidate(id);
            }
        }
        return read;
    }

    @EventListener({
        FactorAdded.class,
        FactorRemoved.class,
        SecondFactorsReset.class,
        RecoveryCodeUsed.class,
        MobileNumberChanged.class
    })
    void forget(AgentJournaled event) {
        AfterCommit.run(() -> {
            changes.incrementAndGet();
            if (kept != null && event.agent() != null) {
                kept.invalidate(event.agent());
            }
        });
    }

    @EventListener({AgentCreated.class, AgentChanged.class, AgentStatusChanged.class, AgentTransferred.class})
    void forgetEveryone(AgentJournaled event) {
        AfterCommit.run(() -> {
            changes.incrementAndGet();
            if (kept != null) {
                kept.invalidateAll();
            }
        });
    }
}

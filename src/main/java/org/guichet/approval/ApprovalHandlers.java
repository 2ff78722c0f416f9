package org.guichet.approval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.guichet.approval.domain.ApprovalRepository;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link ApprovalHandler}, by kind. Start-up stops when two handlers claim one kind, or when items wait
 * of a kind that no handler claims (unless {@code guichet.approval.refuse-unhandled-kinds} is off); a kind without its
 * handler cannot be submitted. The handlers are looked up once every bean exists: they use the modules that use
 * approvals, which would otherwise be a cycle.
 */
@Component
class ApprovalHandlers implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalHandlers.class);

    private final ObjectProvider<ApprovalHandler> handlers;
    private final ApprovalRepository approvals;
    private final ApprovalSettings settings;
    private volatile @Nullable Map<String, ApprovalHandler> byKind;

    ApprovalHandlers(
            ObjectProvider<ApprovalHandler> handlers, ApprovalRepository approvals, ApprovalSettings settings) {
        this.handlers = handlers;
        this.approvals = approvals;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var byKind = byKind();
        if (!settings.refuseUnhandledKinds()) {
            return;
        }
        var unhandled = approvals.waitingKinds().stream()
                .filter(kind -> !byKind.containsKey(kind))
                .toList();
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("Approval items wait of kinds no module handles, so nobody could decide"
                    + " them: " + unhandled + " (handled: " + byKind.keySet() + "). Give each kind its"
                    + " ApprovalHandler, or set guichet.approval.refuse-unhandled-kinds=false to start anyway.");
        }
    }

    /** Refuses a kind without handler: submitting one is a programming error. */
    void requireHandled(ApprovalKind kind) {
        if (!byKind().containsKey(kind.name())) {
            throw new IllegalStateException("No approval handler for the kind " + kind);
        }
    }

    /** The handler of a stored item's kind; none when the start-up check was turned off and the kind is gone. */
    ApprovalHandler of(String kind) {
        var handler = byKind().get(kind);
        if (handler == null) {
            LOG.error("An approval item of the kind {} was to be decided, but no module handles it", kind);
            throw new GuichetException(ApprovalError.KIND_UNHANDLED);
        }
        return handler;
    }

    private Map<String, ApprovalHandler> byKind() {
        var known = byKind;
        if (known == null) {
            var found = new TreeMap<String, ApprovalHandler>();
            handlers.orderedStream().forEach(handler -> {
                var other = found.putIfAbsent(handler.kind().name(), handler);
                if (other != null) {
                    throw new IllegalStateException(
                            "Two approval handlers for the kind " + handler.kind() + ": " + other + " and " + handler);
                }
            });
            known = Collections.unmodifiableMap(found);
            byKind = known;
        }
        return known;
    }
}

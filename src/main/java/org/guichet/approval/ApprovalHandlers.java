package org.guichet.approval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.guichet.approval.domain.ApprovalRepository;
import org.jspecify.annotations.Nullable;
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

    /** The handler of this kind; a kind without one is a programming error. */
    ApprovalHandler of(String kind) {
        var handler = byKind().get(kind);
        if (handler == null) {
            throw new IllegalStateException("No approval handler for the kind " + kind);
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

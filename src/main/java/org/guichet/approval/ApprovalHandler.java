package org.guichet.approval;

import java.util.function.Consumer;

/**
 * What a module that submits items for approval provides, one bean per kind: when a manager (or their delegate)
 * decides, {@link #decided} is called inside the deciding transaction, so that the decision and its effect are written
 * together or not at all. A kind without its handler cannot be submitted, and stops start-up while items of it wait.
 */
public interface ApprovalHandler {

    /** The kind this handler moves on; no other handler may claim it. */
    ApprovalKind kind();

    /**
     * Moves the subject on. Throwing rolls the decision back: the manager is told it could not be recorded.
     *
     * @param decision the decision, of this handler's kind
     */
    void decided(ApprovalDecided decision);

    /** A handler made of a kind and what to do with its decisions, for a module that declares it as a bean. */
    static ApprovalHandler of(ApprovalKind kind, Consumer<ApprovalDecided> decided) {
        return new ApprovalHandler() {
            @Override
            public ApprovalKind kind() {
                return kind;
            }

            @Override
            public void decided(ApprovalDecided decision) {
                decided.accept(decision);
            }

            @Override
            public String toString() {
                return "ApprovalHandler[" + kind + "]";
            }
        };
    }
}

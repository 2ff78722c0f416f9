package org.guichet.leave;

import java.util.Optional;
import java.util.UUID;

/** A leave request's identity. */
public record LeaveRequestId(UUID value) {

    public static LeaveRequestId random() {
        return new LeaveRequestId(UUID.randomUUID());
    }

    /** Parses the form used in URLs; empty when it is not one (so that a bad link is a plain "not found"). */
    public static Optional<LeaveRequestId> parse(String text) {
        try {
            return text.length() == 36 ? Optional.of(new LeaveRequestId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.guichet.request;

import java.util.Optional;
import java.util.UUID;

/** An administrative request's identity. */
public record RequestId(UUID value) {

    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    /** Parses the form used in URLs; empty when it is not one (so that a bad link is a plain "not found"). */
    public static Optional<RequestId> parse(String text) {
        try {
            return text.length() == 36 ? Optional.of(new RequestId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

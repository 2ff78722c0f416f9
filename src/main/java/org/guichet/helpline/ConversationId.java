package org.guichet.helpline;

import java.util.Optional;
import java.util.UUID;

/** A conversation's identity, as URLs and the API give it. */
public record ConversationId(UUID value) {

    /** Parses the form used in URLs; empty when it is not one (a bad link is a plain "not found"). */
    public static Optional<ConversationId> parse(String text) {
        try {
            return text.length() == 36 ? Optional.of(new ConversationId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

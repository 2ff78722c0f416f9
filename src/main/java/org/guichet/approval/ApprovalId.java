package org.guichet.approval;

import java.util.UUID;

/** An approval item's identity. */
public record ApprovalId(UUID value) {

    public static ApprovalId random() {
        return new ApprovalId(UUID.randomUUID());
    }

    /** Parses the form used in URLs; empty when it is not one (so that a bad link is a plain "not found"). */
    public static java.util.Optional<ApprovalId> parse(String text) {
        try {
            return java.util.Optional.of(new ApprovalId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

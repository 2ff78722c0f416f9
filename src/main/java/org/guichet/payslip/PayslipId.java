package org.guichet.payslip;

import java.util.Optional;
import java.util.UUID;

/** A payslip's identity, as URLs and the API give it. */
public record PayslipId(UUID value) {

    public static PayslipId random() {
        return new PayslipId(UUID.randomUUID());
    }

    /** Parses the form used in URLs; empty when it is not one (so that a bad link is a plain "not found"). */
    public static Optional<PayslipId> parse(String text) {
        try {
            return text.length() == 36 ? Optional.of(new PayslipId(UUID.fromString(text))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

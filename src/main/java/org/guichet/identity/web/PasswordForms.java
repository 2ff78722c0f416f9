package org.guichet.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of the password pages. Lengths beyond the policy's are refused by the policy, with its own words. */
final class PasswordForms {

    private PasswordForms() {}

    /** A new password, typed twice. */
    record NewPassword(
            @NotBlank @Size(max = 1024) String password,
            @NotBlank @Size(max = 1024) String confirmation) {}

    /** A change by the agent: the current password, then the new one twice. */
    record Change(
            @NotBlank @Size(max = 1024) String current,
            @NotBlank @Size(max = 1024) String password,
            @NotBlank @Size(max = 1024) String confirmation) {}

    record Identifier(@NotBlank @Size(max = 254) String identifier) {}

    record Code(@NotBlank @Size(max = 32) String code) {}
}

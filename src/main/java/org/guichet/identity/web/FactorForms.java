package org.guichet.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of the second-factor pages. */
final class FactorForms {

    private FactorForms() {}

    /** A one-time code: authenticator app, SMS, recovery or enrolment code. */
    record Code(@NotBlank @Size(max = 32) String code) {}

    /** The first code of a new authenticator app, and the name the agent gives it. */
    record NewApp(
            @NotBlank @Size(max = 32) String code,
            @Size(max = 64) String name) {}

    /** A factor's new name. */
    record Name(@NotBlank @Size(max = 64) String name) {}

    /** A mobile number as the agent types it. */
    record Mobile(@NotBlank @Size(max = 30) String number) {}

    /** The password, to confirm a change when the agent has no second factor yet. */
    record Password(@NotBlank @Size(max = 1024) String password) {}
}

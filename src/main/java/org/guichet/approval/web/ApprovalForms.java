package org.guichet.approval.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms and commands of approvals. */
final class ApprovalForms {

    private ApprovalForms() {}

    /** A decision's comment: optional to approve, required to reject (the facade says so, in the user's words). */
    record DecisionCommand(@Nullable String comment) {}

    /** Another manager decides in my place from one day to another. */
    record DelegationForm(
            @NotBlank(message = "{approval.delegation.delegate.required}") @Size(max = 254) @Nullable
            String delegate,

            @NotNull(message = "{approval.delegation.startsOn.required}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable
            LocalDate startsOn,

            @NotNull(message = "{approval.delegation.endsOn.required}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable
            LocalDate endsOn) {

        static DelegationForm empty() {
            return new DelegationForm(null, null, null);
        }
    }
}

package org.guichet.approval.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.guichet.platform.FormDates;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** The forms and commands of approvals. */
final class ApprovalForms {

    private ApprovalForms() {}

    /** A decision's comment: optional to approve, required to reject (the facade says so, in the user's words). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ApprovalDecisionCommand")
    record DecisionCommand(@Nullable String comment) {}

    /** Another manager decides in my place from one day to another. */
    record DelegationForm(
            @NotBlank(message = "{approval.delegation.delegate.required}") @Size(max = 254) @Nullable
            String delegate,

            // YYYY-MM-DD, read by firstDay(): an unreadable date is a message, not a page that cannot be shown
            @NotBlank(message = "{approval.delegation.startsOn.required}") @Nullable
            String startsOn,

            @NotBlank(message = "{approval.delegation.endsOn.required}") @Nullable
            String endsOn) {

        @Nullable
        LocalDate firstDay(BindingResult result) {
            return FormDates.read("startsOn", startsOn, result);
        }

        @Nullable
        LocalDate lastDay(BindingResult result) {
            return FormDates.read("endsOn", endsOn, result);
        }

        static DelegationForm empty() {
            return new DelegationForm(null, null, null);
        }
    }
}

package org.guichet.support;

import org.jspecify.annotations.Nullable;

/**
 * One reason an agent may be blocked, or something the helpdesk should know.
 *
 * @param code what it is ({@code LOCKED}, {@code NO_SECOND_FACTOR}…)
 * @param detail the sentence that says it, in the helpdesk agent's language
 * @param remedy the console's action that fixes it, or what the agent must do; none when it is for information
 */
public record Finding(Code code, String detail, @Nullable Remedy remedy) {

    public enum Code {
        SUSPENDED,
        DEPARTED,
        LOCKED,
        CODES_LOCKED,
        /** The directory (Active Directory…) locked the account: only its administrators unlock it. */
        DIRECTORY_LOCKED,
        /** The agent's password is the directory's: forgotten or locked, it is dealt with there (information). */
        DIRECTORY_PASSWORD,
        FIRST_SIGN_IN_PENDING,
        PASSWORD_EXPIRED,
        PASSWORD_EXPIRING,
        NO_SECOND_FACTOR,
        FACTOR_RESET_PENDING,
        MOBILE_MISSING,
        MOBILE_UNVERIFIED,
        NOMADIC_NONE,
        NOMADIC_PENDING_MANAGER,
        NOMADIC_APPROVED,
        NOMADIC_ACTIVE,
        NOMADIC_CLOSED,
        CHARTER_PENDING,
        RECENT_FAILURES,
        NOTHING_BLOCKING
    }

    /** How the helpdesk fixes it: an action of the console, or a step the agent or someone else takes. */
    public enum Remedy {
        UNLOCK,
        ENROLMENT_CODE,
        REVOKE_SESSIONS,
        ACTIVATE_NOMADIC,
        /** The agent resets their password themselves ("forgotten password"), with a code sent to them. */
        SELF_SERVICE_RESET,
        /** The agent verifies their number from "my mobile number". */
        VERIFY_MOBILE,
        /** The agent asks for remote access; their manager approves. */
        REQUEST_NOMADIC,
        /** The agent's manager must decide first. */
        ASK_MANAGER,
        /** HR must update the agent's file (status, mobile number). */
        CONTACT_HR,
        /** The agent accepts it at their next sign-in. */
        AT_NEXT_SIGN_IN,
        /** The directory's administrators unlock the account or reset the password, in the directory. */
        DIRECTORY
    }
}

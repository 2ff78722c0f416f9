package org.guichet.access;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a service is refused: a closed list, sent as {@code errorCode} and {@code reason.code}. */
public enum AccessDenial implements ErrorCode {
    /** The agent's account is suspended or closed. */
    ACCOUNT_SUSPENDED,
    /** The service needs a role the agent does not hold. */
    ROLE_REQUIRED,
    /** The service is not open to the agent's department. */
    DISABLED_FOR_DEPARTMENT,
    /** The service does not accept the channel the agent is on. */
    CHANNEL_NOT_ALLOWED,
    /** On the internet, without a remote-access (nomadic) profile. */
    NOMADIC_PROFILE_MISSING,
    /** On the internet, with a remote-access request still waiting (for the manager or IT support). */
    NOMADIC_PROFILE_PENDING,
    /** On the internet, with a remote-access profile that has expired or was withdrawn. */
    NOMADIC_PROFILE_EXPIRED,
    /** The service needs a second factor on this channel and the session has used none. */
    MFA_REQUIRED;

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String messageKey() {
        return "access.denial." + name() + ".title";
    }
}

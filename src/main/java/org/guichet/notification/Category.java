package org.guichet.notification;

/** What a notification is about; agents choose e-mail per category, except security, which always mails. */
public enum Category {
    SECURITY,
    APPROVALS,
    REMOTE_ACCESS,
    PAYSLIPS,
    LEAVE,
    REQUESTS,
    /** Answers of IT support to the agent's requests (their e-mails are the helpline's own, threaded). */
    SUPPORT,
    /** For managers: approval requests in one e-mail a day rather than one each (off unless chosen). */
    DIGEST;

    /** Whether the agent may turn its e-mails off. */
    public boolean optional() {
        return this != SECURITY && this != SUPPORT;
    }
}

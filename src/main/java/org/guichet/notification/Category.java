package org.guichet.notification;

/** What a notification is about; agents choose e-mail per category, except security, which always mails. */
public enum Category {
    SECURITY,
    APPROVALS,
    REMOTE_ACCESS,
    PAYSLIPS,
    LEAVE,
    REQUESTS,
    /** For managers: approval requests in one e-mail a day rather than one each (off unless chosen). */
    DIGEST;

    /** Whether the agent may turn its e-mails off. */
    public boolean optional() {
        return this != SECURITY;
    }

    /**
     * The category of a message key and the page it links to.
     *
     * @param key e.g. {@code notification.leaveDecided}
     */
    static Topic of(String key) {
        var name = key.substring(key.indexOf('.') + 1);
        if (name.equals("requestForHr")) {
            return new Topic(APPROVALS, "/hr/requests");
        }
        if (name.startsWith("securityCase")) {
            return new Topic(SECURITY, "/security/cases");
        }
        if (name.startsWith("approval")) {
            return new Topic(APPROVALS, "/approvals");
        }
        if (name.startsWith("nomadic")) {
            return new Topic(REMOTE_ACCESS, "/remote-access");
        }
        if (name.startsWith("payslip")) {
            return new Topic(PAYSLIPS, "/payslips");
        }
        if (name.startsWith("leave")) {
            return new Topic(LEAVE, "/leave");
        }
        if (name.startsWith("request")) {
            return new Topic(REQUESTS, "/requests");
        }
        return new Topic(SECURITY, "/account");
    }

    record Topic(Category category, String link) {}
}

package org.guichet.notification;

/**
 * Every notification Guichet sends, each naming its category (which the agent's e-mail choices apply to) and the page
 * it links to. Its texts are the messages {@code <key>.subject} and {@code <key>.body}, in French and in English.
 */
enum Mail {
    LOCKED("notification.locked", Category.SECURITY, "/account"),
    PASSWORD_CHANGED("notification.passwordChanged", Category.SECURITY, "/account"),
    FACTOR_ADDED("notification.factorAdded", Category.SECURITY, "/account"),
    FACTOR_REMOVED("notification.factorRemoved", Category.SECURITY, "/account"),
    FACTOR_RENAMED("notification.factorRenamed", Category.SECURITY, "/account"),
    FACTORS_RESET("notification.factorsReset", Category.SECURITY, "/account"),
    FACTORS_RESET_PENDING("notification.factorsResetPending", Category.SECURITY, "/account"),
    RECOVERY_CODE_USED("notification.recoveryCodeUsed", Category.SECURITY, "/account"),
    SECOND_STEP_LOCKED("notification.secondStepLocked", Category.SECURITY, "/account"),
    MOBILE_CHANGED("notification.mobileChanged", Category.SECURITY, "/account"),
    SECURITY_CASE_OPENED("notification.securityCaseOpened", Category.SECURITY, "/security/cases"),
    /** The one a manager may take in the daily digest instead. */
    APPROVAL_REQUESTED("notification.approvalRequested", Category.APPROVALS, "/approvals"),
    APPROVAL_OVERDUE("notification.approvalOverdue", Category.APPROVALS, "/approvals"),
    APPROVAL_ESCALATED("notification.approvalEscalated", Category.APPROVALS, "/approvals"),
    APPROVAL_DIGEST("notification.approvalDigest", Category.APPROVALS, "/approvals"),
    REQUEST_FOR_HR("notification.requestForHr", Category.APPROVALS, "/hr/requests"),
    NOMADIC_APPROVED("notification.nomadicApproved", Category.REMOTE_ACCESS, "/remote-access"),
    NOMADIC_REJECTED("notification.nomadicRejected", Category.REMOTE_ACCESS, "/remote-access"),
    NOMADIC_ACTIVATED("notification.nomadicActivated", Category.REMOTE_ACCESS, "/remote-access"),
    NOMADIC_RENEWED("notification.nomadicRenewed", Category.REMOTE_ACCESS, "/remote-access"),
    NOMADIC_EXPIRED("notification.nomadicExpired", Category.REMOTE_ACCESS, "/remote-access"),
    NOMADIC_DEACTIVATED("notification.nomadicDeactivated", Category.REMOTE_ACCESS, "/remote-access"),
    PAYSLIP_PUBLISHED("notification.payslipPublished", Category.PAYSLIPS, "/payslips"),
    LEAVE_DECIDED("notification.leaveDecided", Category.LEAVE, "/leave"),
    LEAVE_CANCELLED("notification.leaveCancelled", Category.LEAVE, "/leave"),
    REQUEST_APPROVED("notification.requestApproved", Category.REQUESTS, "/requests"),
    REQUEST_REJECTED("notification.requestRejected", Category.REQUESTS, "/requests"),
    REQUEST_INFORMATION("notification.requestInformation", Category.REQUESTS, "/requests"),
    REQUEST_COMPLETED("notification.requestCompleted", Category.REQUESTS, "/requests");

    private final String key;
    private final Category category;
    private final String link;

    Mail(String key, Category category, String link) {
        this.key = key;
        this.category = category;
        this.link = link;
    }

    /** The messages' key: {@code <key>.subject}, {@code <key>.body}. */
    String key() {
        return key;
    }

    Category category() {
        return category;
    }

    /** The page the in-app notification links to. */
    String link() {
        return link;
    }
}

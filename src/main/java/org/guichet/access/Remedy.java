package org.guichet.access;

/**
 * What the agent can do about a refusal: a link and what it says.
 *
 * @param kind names the label ({@code access.remedy.<kind>})
 * @param href a path of the portal
 */
public record Remedy(Kind kind, String href) {

    public enum Kind {
        REQUEST_REMOTE_ACCESS,
        FOLLOW_REMOTE_ACCESS,
        RENEW_REMOTE_ACCESS,
        USE_OFFICE_OR_VPN,
        USE_OFFICE,
        CONFIRM_SECOND_FACTOR,
        ENROL_SECOND_FACTOR,
        CONTACT_SUPPORT
    }

    public String labelKey() {
        return "access.remedy." + kind.name();
    }
}

package org.guichet.session.flow;

import java.util.List;

/** What a signed-in agent must do before reaching anything else, in this order. */
public enum SignInStep {
    /** Use one of their second factors (where one is required). */
    SECOND_FACTOR(
            "/sign-in/second-factor",
            // a passkey just registered at the enrolment step makes the agent owe this step: its page still counts it
            List.of("/sign-in/second-factor/", "/webauthn/authenticate/", "/login/webauthn", "/sign-in/enrol/passkey")),
    /** Enrol a second factor, having none where one is required. */
    ENROL_FACTOR("/sign-in/enrol", List.of("/sign-in/enrol/", "/webauthn/register")),
    CHANGE_PASSWORD("/sign-in/password", List.of()),
    ACCEPT_CHARTER("/sign-in/charter", List.of());

    private final String path;
    private final List<String> within;

    SignInStep(String path, List<String> within) {
        this.path = path;
        this.within = within;
    }

    /** The page of the step (its form posts to the same path). */
    public String path() {
        return path;
    }

    /** Whether this path (without the context path) belongs to the step: its page, its forms, its endpoints. */
    public boolean covers(String requestPath) {
        return requestPath.equals(path) || within.stream().anyMatch(requestPath::startsWith);
    }
}

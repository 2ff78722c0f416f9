package org.guichet.session.flow;

/** What a signed-in agent must do before reaching anything else, in this order. */
public enum SignInStep {
    CHANGE_PASSWORD("/sign-in/password"),
    ACCEPT_CHARTER("/sign-in/charter");

    private final String path;

    SignInStep(String path) {
        this.path = path;
    }

    /** The page of the step (its form posts to the same path). */
    public String path() {
        return path;
    }
}

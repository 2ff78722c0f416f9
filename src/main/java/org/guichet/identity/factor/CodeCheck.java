package org.guichet.identity.factor;

/** What a one-time code turned out to be. */
public sealed interface CodeCheck {

    /** Right, and now used. */
    record Accepted() implements CodeCheck {}

    /** Wrong. */
    record Wrong() implements CodeCheck {}

    /**
     * Wrong now, but right for a phone whose clock is {@code minutes} off (positive: ahead, negative: behind). Still a
     * failure: only the explanation differs.
     */
    record ClockDrift(long minutes) implements CodeCheck {}

    /** Right, but already used once: the agent should wait for the next one. */
    record Replayed() implements CodeCheck {}

    /** No code to check against any more (expired, or too many tries): a new one must be sent. */
    record Spent() implements CodeCheck {}
}

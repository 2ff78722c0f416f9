package org.guichet.identity;

import java.time.Instant;

/** An enrolment code to read out to the agent once, and until when it works. */
public record EnrolmentCode(String code, Instant expiresAt) {}

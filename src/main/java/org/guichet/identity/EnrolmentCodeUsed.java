package org.guichet.identity;

import java.time.Instant;
import org.guichet.access.ClientConnection;
import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** The agent gave their enrolment code, away from the office, and may now enrol a second factor. */
public record EnrolmentCodeUsed(AgentId agent, ClientConnection connection, Instant at) implements Journaled {}

package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** The helpdesk gave the agent an enrolment code (valid until {@code expiresAt}, single use). */
public record EnrolmentCodeIssued(AgentId agent, String issuedBy, Instant expiresAt, Instant at)
        implements AgentJournaled, IssuedJournaled {}

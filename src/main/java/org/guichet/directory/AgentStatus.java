package org.guichet.directory;

/** Where an agent stands with the administration. Only active agents may sign in. */
public enum AgentStatus {
    ACTIVE,
    SUSPENDED,
    DEPARTED
}

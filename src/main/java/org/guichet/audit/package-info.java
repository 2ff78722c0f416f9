/**
 * Audit: the journal of every connection and action. Every module's events marked {@link
 * org.guichet.platform.Journaled} are appended, with the agent they are about, who did it, from which address and
 * channel, when, and their details; the helpdesk, the security officers and the administrators record their own
 * actions through {@link org.guichet.audit.Journal#record}, in the transaction of the action. Entries are chained by
 * SHA-256 (each hash covers the previous hash and the entry), PostgreSQL refuses to change or delete them, and a
 * verification names the first entry where the chain breaks. The oldest entries are purged after the retention
 * period, keeping the chain verifiable; each night the head is anchored outside the database (a signed line in the
 * log, the journal and a file), which tells a rebuilt chain. Security officers search the journal, export it as CSV,
 * verify it and check kept anchors.
 *
 * <p>API: {@link org.guichet.audit.Journal}. It reads events by their components' names and publishes none; it
 * depends only on the directory, for the names the journal page shows beside SOIs.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"directory", "platform :: web-access"})
@NullMarked
package org.guichet.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

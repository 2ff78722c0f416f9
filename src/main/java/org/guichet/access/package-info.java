/**
 * Access: what each agent may reach from where they are (the channel, from the network module). The service catalogue;
 * the access policy,
 * whose every refusal has a reason, a sentence and a remedy; and remote access ("nomadic profiles"): request, manager
 * approval (through the approval module), IT activation, expiry, yearly confirmation, withdrawal on transfer.
 *
 * <p>API: {@link org.guichet.access.ServiceCatalogue}, {@link
 * org.guichet.access.AccessPolicy}, {@link org.guichet.access.AccessExplanations}, {@link
 * org.guichet.access.NomadicProfiles}. Published events: {@link org.guichet.access.AccessDenied}, {@link
 * org.guichet.access.NomadicProfileRequested}, {@link org.guichet.access.NomadicProfileApproved}, {@link
 * org.guichet.access.NomadicProfileRejected}, {@link org.guichet.access.NomadicProfileActivated}, {@link
 * org.guichet.access.NomadicProfileRenewed}, {@link org.guichet.access.NomadicProfileExpired}, {@link
 * org.guichet.access.NomadicProfileDeactivated}.
 */
@ApplicationModule(
        displayName = "Access",
        allowedDependencies = {"directory", "network", "identity", "approval", "platform :: web-access"})
@NullMarked
package org.guichet.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

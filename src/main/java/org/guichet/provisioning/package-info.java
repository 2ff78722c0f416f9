/**
 * Provisioning from the HR information system: a SCIM 2.0 server (RFC 7643 and 7644) at {@code /scim/v2} for its
 * provisioning client alone (a bearer token of its own), over the directory: users created, read, searched, replaced,
 * patched and deactivated through the directory's import (the same checks and events; the journal says each change
 * came from SCIM, with the values before and after); groups are Guichet's granted roles, their members who holds them.
 * The protocol's model (filters, patch operations, list and error
 * messages, the enterprise extension) is the UnboundID SCIM 2 SDK's.
 */
@ApplicationModule(
        displayName = "Provisioning",
        allowedDependencies = {"directory", "platform"})
@NullMarked
package org.guichet.provisioning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

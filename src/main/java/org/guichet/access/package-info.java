/**
 * Access: where each request comes from and, later, what it may reach from there. For now, the client address
 * (through trusted proxies only) and its channel: the office network, the VPN, or the internet.
 *
 * <p>API: {@link org.guichet.access.ClientConnections}, {@link org.guichet.access.Channel}.
 */
@ApplicationModule(
        displayName = "Access",
        allowedDependencies = {})
@NullMarked
package org.guichet.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

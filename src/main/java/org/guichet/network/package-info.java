/**
 * Network: where a request comes from. The client's address (the workstation's, believed through configured trusted
 * proxies only), the channel that address belongs to (the office network, the VPN, the internet) and the zones that
 * decide it, configured under {@code guichet.access} and changed live by administrators.
 *
 * <p>API: {@link org.guichet.network.ClientConnections}, {@link org.guichet.network.ClientConnection}, {@link
 * org.guichet.network.Channel}, {@link org.guichet.network.NetworkZones}, {@link org.guichet.network.Networks}.
 */
@ApplicationModule(
        displayName = "Network",
        allowedDependencies = {})
@NullMarked
package org.guichet.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

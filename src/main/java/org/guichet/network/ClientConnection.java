package org.guichet.network;

import java.io.Serializable;

/**
 * The client behind a request: its address (the workstation's, not a proxy's) and the channel that address belongs
 * to. Kept with a signed-in session, so it must stay serializable.
 */
public record ClientConnection(String address, Channel channel) implements Serializable {}

package org.guichet.network;

import org.guichet.platform.Journaled;

/** A journaled event that came over the network: its {@code connection} component is where from. */
public interface ConnectionJournaled extends Journaled {

    ClientConnection connection();

    @Override
    default Origin origin() {
        return new Origin(connection().address(), connection().channel().name());
    }
}

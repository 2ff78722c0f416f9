package org.guichet.network;

/** Where a request comes from, which decides what it may reach. */
public enum Channel {
    /** A workstation on the administration's network. */
    INTERNAL,
    /** A managed workstation through the VPN. */
    VPN,
    /** Any browser on the internet, through the nomadic portal. */
    NOMADIC
}

package org.guichet.platform;

/** How a message reaches a person. */
public enum DeliveryChannel {
    EMAIL,
    SMS
}

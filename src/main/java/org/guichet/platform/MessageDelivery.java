package org.guichet.platform;

/**
 * Sends e-mails and SMS. Sending happens in the background: the caller never waits for a mail server or an SMS
 * provider, and the time a request takes never tells whether a message was sent. Failures are logged.
 */
public interface MessageDelivery {

    void send(OutgoingMessage message);
}

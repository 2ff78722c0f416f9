package org.guichet.platform.delivery;

import org.guichet.platform.OutgoingMessage;

/** Hands an e-mail to a mail server (or to the outbox). */
interface MailGateway {

    void send(OutgoingMessage message) throws Exception;
}

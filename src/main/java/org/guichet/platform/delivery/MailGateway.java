package org.guichet.platform.delivery;

/** Hands an e-mail to a mail server (or to the outbox). */
interface MailGateway {

    void send(String to, String subject, String body) throws Exception;
}

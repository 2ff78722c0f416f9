package org.guichet.platform;

/** Hands an SMS to a provider. Guichet ships an HTTP gateway and, in the demo profile, the development outbox. */
public interface SmsGateway {

    /** @param to a mobile number in E.164 */
    void send(String to, String text) throws Exception;
}

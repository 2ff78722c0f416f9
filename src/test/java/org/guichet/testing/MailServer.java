package org.guichet.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The administration's mail server for a test class: a real Dovecot (IMAP and submission) that checks Guichet's
 * tokens at its introspection endpoint, and the GreenMail its submission server relays to, which the test reads. One
 * per class, held in a static field: its ports go to Guichet's settings ({@link #properties}), it starts once Guichet
 * listens ({@link #start}), and stops after the class ({@link #close}).
 */
public final class MailServer implements AutoCloseable {

    /** Guichet's client id for the mail server, as the introspection endpoint knows it. */
    private static final String CLIENT = "mail-server";

    private final int imap = FreePorts.next();
    private final int submission = FreePorts.next();
    private final GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    private @Nullable Dovecot dovecot;

    /** Where Guichet finds the mail server. */
    public void properties(DynamicPropertyRegistry properties) {
        properties.add("guichet.messaging.imap-port", () -> imap);
        properties.add("guichet.messaging.smtp-port", () -> submission);
    }

    /** Dovecot, started the first time (Guichet listens on {@code port}, its client secret is {@code secret}). */
    public Dovecot start(int port, String secret) throws Exception {
        return start(port, secret, null, null);
    }

    /** The same, where a master user may also open any mailbox with its password. */
    public Dovecot start(int port, String secret, @Nullable String masterUser, @Nullable String masterPassword)
            throws Exception {
        if (dovecot == null) {
            relay.start();
            dovecot = Dovecot.start(
                    imap,
                    "http://" + CLIENT + ":" + secret + "@127.0.0.1:" + port + "/oauth2/introspect",
                    submission,
                    relay.getSmtp().getPort(),
                    masterUser,
                    masterPassword);
        }
        return dovecot;
    }

    /** A plain text message from HR to {@code to}, for a test to deliver. */
    public static String message(String to, String subject) {
        return """
                From: Service RH <rh@ville.example>
                To: %s
                Subject: %s
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                Message-ID: <%s@ville.example>
                Content-Type: text/plain; charset=utf-8

                Bonjour,
                """.formatted(to, subject, java.util.UUID.randomUUID());
    }

    /** The mailbox's name (the local part) of an agent's address. */
    public static String mailbox(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    /** The IMAP port, for a test that signs in itself. */
    public int imapPort() {
        return imap;
    }

    /** What the relay received, mailbox by mailbox (not in the order it came). */
    public MimeMessage[] relayed() {
        return relay.getReceivedMessages();
    }

    /** The last message relayed with this subject; fails the test when there is none. */
    public MimeMessage relayed(String subject) throws jakarta.mail.MessagingException {
        MimeMessage found = null;
        for (var message : relay.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                found = message;
            }
        }
        org.assertj.core.api.Assertions.assertThat(found)
                .as("a message relayed with the subject " + subject)
                .isNotNull();
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        if (dovecot != null) {
            dovecot.close();
            dovecot = null;
            relay.stop();
        }
    }
}

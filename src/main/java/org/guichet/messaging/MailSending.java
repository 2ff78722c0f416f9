package org.guichet.messaging;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.platform.TransactionalEvents;
import org.springframework.stereotype.Service;

/**
 * Sends the agent's messages through the submission server with the same token as the mailbox ({@code XOAUTH2}),
 * keeps a copy in Sent, and applies the charter first: a recipient outside the administration's domains is refused
 * (or, where the charter only warns, sent once the agent confirms), journaled without the message.
 */
@Service
public class MailSending {

    /** The most recipients one message may have (to and copies together). */
    public static final int MOST_RECIPIENTS = 100;
    /** The longest text a message may have, in characters. */
    public static final int LONGEST_TEXT = 1_000_000;

    /** A Message-ID as a reply may name it: one, without spaces or brackets inside (no header can be slipped in). */
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<[^<>\\s]{3,250}>");

    private final MessagingSettings settings;
    private final Mailboxes mailboxes;
    private final TransactionalEvents events;
    private final Clock clock;

    MailSending(MessagingSettings settings, Mailboxes mailboxes, TransactionalEvents events, Clock clock) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.events = events;
        this.clock = clock;
    }

    /** A message that passed the checks and the charter, its addresses read. */
    public record Checked(OutgoingMail mail, List<InternetAddress> to, List<InternetAddress> cc, int outside) {}

    /**
     * Checks the message before anything is asked of the mail server (a refusal needs no token): recipients, lengths,
     * then the charter, whose refusal is journaled.
     */
    public Checked check(AgentId agent, OutgoingMail mail) {
        var to = addresses(mail.to());
        var cc = addresses(mail.cc());
        if (to.isEmpty() || to.size() + cc.size() > MOST_RECIPIENTS) {
            throw new GuichetException(MessagingError.MESSAGE_INVALID);
        }
        if (mail.subject().length() > 998
                || mail.text().length() > LONGEST_TEXT
                || (mail.inReplyTo() != null
                        && !MESSAGE_ID.matcher(mail.inReplyTo()).matches())) {
            throw new GuichetException(MessagingError.MESSAGE_INVALID);
        }
        var outside = new ArrayList<String>();
        to.forEach(address -> outsideOrNot(address, outside));
        cc.forEach(address -> outsideOrNot(address, outside));
        if (!outside.isEmpty()
                && (settings.outsideRecipients() == MessagingSettings.Outside.REFUSE || !mail.outsideConfirmed())) {
            events.publish(new MailRefused(agent, outside.size(), clock.instant()));
            throw new GuichetException(MessagingError.OUTSIDE_RECIPIENT, String.join(", ", outside));
        }
        return new Checked(mail, to, cc, outside.size());
    }

    /** Sends a checked message as the agent and keeps a copy in Sent. */
    public void send(AgentId agent, MailAccount account, Checked checked) {
        var mail = checked.mail();
        var to = checked.to();
        var cc = checked.cc();
        try {
            var session = Session.getInstance(smtp());
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(account.username()));
            message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            if (!cc.isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", mail.inReplyTo());
                message.setHeader("References", mail.inReplyTo());
            }
            message.saveChanges();
            try (var transport = session.getTransport("smtp")) {
                transport.connect(settings.smtpHost(), settings.smtpPort(), account.username(), account.token());
                transport.sendMessage(message, message.getAllRecipients());
            }
            keepInSent(account, message);
        } catch (AuthenticationFailedException refused) {
            throw new GuichetException(MessagingError.SIGN_IN_AGAIN, refused);
        } catch (MessagingException unreachable) {
            throw new GuichetException(MessagingError.MAIL_SERVER_UNAVAILABLE, unreachable);
        }
        events.publish(new MailSent(agent, to.size() + cc.size(), checked.outside(), clock.instant()));
    }

    /** A copy in Sent (made when missing), read. */
    private void keepInSent(MailAccount account, MimeMessage message) {
        mailboxes.onStore(account, store -> {
            var sent = store.getFolder(settings.sentFolder());
            if (!sent.exists()) {
                sent.create(jakarta.mail.Folder.HOLDS_MESSAGES);
            }
            message.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
            return null;
        });
    }

    private Properties smtp() {
        var timeout = String.valueOf(settings.timeout().toMillis());
        var properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (settings.smtpSecurity() == MessagingSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        } else if (settings.smtpSecurity() == MessagingSettings.Security.SSL) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        return properties;
    }

    /** The addresses as written, each one checked strictly; a malformed one refuses the message. */
    private static List<InternetAddress> addresses(List<String> written) {
        var addresses = new ArrayList<InternetAddress>();
        for (var one : written) {
            if (one == null || one.isBlank() || one.length() > 320) {
                throw new GuichetException(MessagingError.MESSAGE_INVALID);
            }
            try {
                var address = new InternetAddress(one.strip(), true);
                address.validate();
                addresses.add(address);
            } catch (AddressException malformed) {
                throw new GuichetException(MessagingError.MESSAGE_INVALID, malformed);
            }
        }
        return addresses;
    }

    private void outsideOrNot(InternetAddress address, List<String> outside) {
        var email = address.getAddress().toLowerCase(Locale.ROOT);
        var domain = email.substring(email.lastIndexOf('@') + 1);
        var inside = settings.internalDomains().stream()
                .map(known -> known.toLowerCase(Locale.ROOT).strip())
                .anyMatch(known -> domain.equals(known) || domain.endsWith("." + known));
        if (!inside) {
            outside.add(email);
        }
    }
}

package org.guichet.helpline.mail;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.helpline.ConversationId;
import org.guichet.helpline.Conversations;
import org.guichet.helpline.HelplineSettings;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads IT support's mailbox for replies to the helpline's e-mails, one node at a time: each reply joins the
 * conversation its reply address (the conversation's secret after the {@code +}) or its In-Reply-To/References name,
 * if it comes from the agent's address on file; otherwise its sender is told why, unless it was sent by a machine
 * (an out-of-office, a bounce), which is never answered. Each message read is then deleted from the mailbox; its
 * Message-ID is kept with the conversation's message, so that one read twice is added once.
 */
@Component
class SupportMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(SupportMailbox.class);

    private static final Pattern REFERENCE =
            Pattern.compile("<helpline\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})[.@]");

    private final Conversations conversations;
    private final HelplineSettings settings;
    private final MessageDelivery delivery;
    private final MessageSource messages;
    private final Pattern replyAddress;

    SupportMailbox(
            Conversations conversations, HelplineSettings settings, MessageDelivery delivery, MessageSource messages) {
        this.conversations = conversations;
        this.settings = settings;
        this.delivery = delivery;
        this.messages = messages;
        var address = settings.address();
        var at = address.lastIndexOf('@');
        this.replyAddress = Pattern.compile(
                Pattern.quote(address.substring(0, at)) + "\\+([0-9a-f]{24})" + Pattern.quote(address.substring(at)),
                Pattern.CASE_INSENSITIVE);
    }

    @Scheduled(
            fixedDelayString = "${guichet.helpline.poll:PT30S}",
            initialDelayString = "${guichet.helpline.poll:PT30S}")
    @SchedulerLock(name = "helpline-mailbox", lockAtMostFor = "PT5M")
    void poll() {
        if (!settings.readsReplies()) {
            return;
        }
        try {
            read();
        } catch (MessagingException | RuntimeException e) {
            LOG.warn(
                    "Could not read the helpline's mailbox at {}:{}: {}",
                    settings.imapHost(),
                    settings.imapPort(),
                    e.toString());
        }
    }

    /** Reads every message in the mailbox's inbox; how many joined a conversation. */
    int read() throws MessagingException {
        var protocol = settings.imapSecurity() == HelplineSettings.Security.SSL ? "imaps" : "imap";
        var properties = new Properties();
        var timeout = String.valueOf(settings.timeout().toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        if (settings.imapSecurity() == HelplineSettings.Security.STARTTLS) {
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
        }
        var joined = 0;
        try (var store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(settings.imapHost(), settings.imapPort(), settings.imapUser(), settings.imapPassword());
            var inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (var message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    if (take((MimeMessage) message)) {
                        joined++;
                    }
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        }
        return joined;
    }

    private boolean take(MimeMessage message) throws MessagingException {
        var from = sender(message);
        if (byMachine(message) || from == null || from.equalsIgnoreCase(settings.address())) {
            return false;
        }
        var mailId = message.getMessageID() != null ? message.getMessageID() : "<" + UUID.randomUUID() + "@guichet>";
        String text;
        try {
            text = ReplyText.of(message);
        } catch (IOException | MessagingException unreadable) {
            text = "";
        }
        Conversations.MailReply outcome;
        try {
            outcome = conversations.replyByMail(conversation(message), from, text, mailId);
        } catch (DataIntegrityViolationException readByAnotherNode) {
            outcome = Conversations.MailReply.ALREADY;
        }
        switch (outcome) {
            case JOINED -> {
                return true;
            }
            case ALREADY -> {
                return false;
            }
            default -> {
                tell(from, mailId, outcome);
                return false;
            }
        }
    }

    /** The conversation a reply names: by its reply address, else by the Message-IDs it answers. */
    private Optional<ConversationId> conversation(MimeMessage message) throws MessagingException {
        var recipients = new ArrayList<String>();
        var all = message.getAllRecipients();
        if (all != null) {
            for (Address each : all) {
                recipients.add(each instanceof InternetAddress internet ? internet.getAddress() : each.toString());
            }
        }
        for (var header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            var values = message.getHeader(header);
            if (values != null) {
                recipients.addAll(List.of(values));
            }
        }
        for (var recipient : recipients) {
            var token = replyAddress.matcher(recipient);
            if (token.find()) {
                var found = conversations.byReplyToken(token.group(1).toLowerCase(Locale.ROOT));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (var header : List.of("In-Reply-To", "References")) {
            var values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (var value : values) {
                var reference = REFERENCE.matcher(value);
                if (reference.find()) {
                    return ConversationId.parse(reference.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static @Nullable String sender(Message message) throws MessagingException {
        var from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address.getAddress();
    }

    /** An automatic message (RFC 3834), a bounce or a list's: never answered, never added. */
    private static boolean byMachine(Message message) throws MessagingException {
        var auto = message.getHeader("Auto-Submitted");
        if (auto != null && auto.length > 0 && !"no".equalsIgnoreCase(auto[0].strip())) {
            return true;
        }
        var precedence = message.getHeader("Precedence");
        if (precedence != null
                && precedence.length > 0
                && List.of("bulk", "junk", "list")
                        .contains(precedence[0].strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        var returnPath = message.getHeader("Return-Path");
        return returnPath != null
                && returnPath.length > 0
                && returnPath[0].strip().equals("<>");
    }

    /** Tells the sender why their e-mail joined no conversation. */
    private void tell(String to, String inReplyTo, Conversations.MailReply outcome) {
        var key = "helpline.mail.refused." + outcome.name();
        delivery.send(OutgoingMessage.email(
                to,
                messages.getMessage(key + ".subject", null, Locale.FRENCH) + " / "
                        + messages.getMessage(key + ".subject", null, Locale.ENGLISH),
                messages.getMessage(key + ".body", null, Locale.FRENCH) + "\n\n----\n\n"
                        + messages.getMessage(key + ".body", null, Locale.ENGLISH),
                new OutgoingMessage.Thread(
                        "<helpline.refused." + UUID.randomUUID() + "@" + settings.domain() + ">",
                        List.of(inReplyTo),
                        null)));
    }
}

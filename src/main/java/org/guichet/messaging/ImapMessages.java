package org.guichet.messaging;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.guichet.messaging.imap.SafeHtml;
import org.jspecify.annotations.Nullable;

/** What the webmail shows of a Jakarta Mail message: its summary in a list, its parts to read. */
final class ImapMessages {

    private ImapMessages() {}

    static MessageSummary summary(Message message, MessageId id) throws MessagingException, IOException {
        var date = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
        var from = message.getFrom();
        return new MessageSummary(
                id.value(),
                from == null || from.length == 0 ? "" : name(from[0]),
                message.getSubject() == null ? "" : message.getSubject(),
                date == null ? null : date.toInstant(),
                message.isSet(Flags.Flag.SEEN),
                message.isSet(Flags.Flag.FLAGGED),
                message.isMimeType("multipart/mixed"),
                message.getSize());
    }

    static MessageView view(Message message, MessageId id, boolean remoteImages)
            throws MessagingException, IOException {
        var parts = new Parts();
        parts.walk(message, "");
        var date = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
        var html = parts.html == null ? null : SafeHtml.of(parts.html, remoteImages);
        var text = parts.text != null ? parts.text : "";
        return new MessageView(
                id.value(),
                first(message.getFrom()),
                all(message.getRecipients(Message.RecipientType.TO)),
                all(message.getRecipients(Message.RecipientType.CC)),
                message.getSubject() == null ? "" : message.getSubject(),
                date == null ? null : date.toInstant(),
                text,
                html,
                !remoteImages && parts.html != null && SafeHtml.hasRemoteImages(parts.html),
                parts.attachments,
                message instanceof jakarta.mail.internet.MimeMessage mime ? mime.getMessageID() : null,
                message.isSet(Flags.Flag.FLAGGED),
                message.isSet(Flags.Flag.DRAFT));
    }

    /** The parts of a message that are attachments, in their order. */
    static List<Part> attachmentParts(Message message) throws MessagingException, IOException {
        var parts = new Parts();
        parts.walk(message, "");
        return parts.attachmentParts;
    }

    /** The part at this position ({@code 2}, {@code 2.1}: one-based, through nested multiparts); null when none. */
    static @Nullable Part part(Message message, String position) throws MessagingException, IOException {
        if (!position.matches("[1-9][0-9]{0,2}(\\.[1-9][0-9]{0,2}){0,9}")) {
            return null;
        }
        Part current = message;
        for (var index : position.split("\\.")) {
            if (!(current.isMimeType("multipart/*") && current.getContent() instanceof Multipart multipart)) {
                return "1".equals(position) && current == message ? message : null;
            }
            var i = Integer.parseInt(index) - 1;
            if (i >= multipart.getCount()) {
                return null;
            }
            current = multipart.getBodyPart(i);
        }
        return current;
    }

    private static String first(Address @Nullable [] addresses) {
        return addresses == null || addresses.length == 0 ? "" : display(addresses[0]);
    }

    private static List<String> all(Address @Nullable [] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(ImapMessages::display).toList();
    }

    /** The sender's name when the message gives one (a list has room for little), else the address. */
    private static String name(Address address) {
        return address instanceof InternetAddress internet && internet.getPersonal() != null
                ? internet.getPersonal()
                : display(address);
    }

    private static String display(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    /** The first plain text and HTML bodies, and the attachments, of a message's MIME tree. */
    private static final class Parts {

        @Nullable
        String text;

        @Nullable
        String html;

        final List<MessageView.Attachment> attachments = new ArrayList<>();

        final List<Part> attachmentParts = new ArrayList<>();

        void walk(Part part, String position) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(
                            multipart.getBodyPart(i),
                            position.isEmpty() ? String.valueOf(i + 1) : position + "." + (i + 1));
                }
                return;
            }
            var attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attached && part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (!attached && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (!part.isMimeType("multipart/*")) {
                var name = part.getFileName() == null ? "" : MimeUtility.decodeText(part.getFileName());
                var type = part.getContentType() == null
                        ? "application/octet-stream"
                        : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                attachments.add(
                        new MessageView.Attachment(position.isEmpty() ? "1" : position, name, type, part.getSize()));
                attachmentParts.add(part);
            }
        }
    }
}

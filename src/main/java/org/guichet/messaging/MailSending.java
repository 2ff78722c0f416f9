package org.guichet.messaging;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.platform.TransactionalEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Sends the agent's messages through the submission server, signed in as for the mailbox ({@link MailLogin}),
 * keeps a copy in Sent, and applies the charter first: a recipient outside the administration's domains is refused
 * (or, where the charter only warns, sent once the agent confirms), and a Guichet document never goes outside;
 * refusals are journaled without the message. Attachments are read from where they are (the upload on disk, the
 * mailbox) as the message is written: never held whole.
 */
@Service
public class MailSending {

    /** The most recipients one message may have (to and copies together). */
    public static final int MOST_RECIPIENTS = 100;
    /** The longest text a message may have, in characters. */
    public static final int LONGEST_TEXT = 1_000_000;
    /** The most files and documents one message may carry. */
    public static final int MOST_ATTACHMENTS = 20;

    /** A Message-ID as a reply may name it: one, without spaces or brackets inside (no header can be slipped in). */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{3,250}>");

    private final MessagingSettings settings;
    private final Mailboxes mailboxes;
    private final GuichetDocuments documents;
    private final TransactionalEvents events;
    private final Clock clock;

    MailSending(
            MessagingSettings settings,
            Mailboxes mailboxes,
            GuichetDocuments documents,
            TransactionalEvents events,
            Clock clock) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A message that passed the checks and the charter: its addresses read, its Guichet documents found.
     *
     * @param outside how many recipients are outside the administration
     */
    public record Checked(
            OutgoingMail mail,
            List<InternetAddress> to,
            List<InternetAddress> cc,
            int outside,
            java.util.Map<String, OutgoingMail.File> documents) {}

    /**
     * Checks the message before anything is asked of the mail server (a refusal needs no token): recipients, lengths,
     * attachments, then the charter, whose refusal is journaled.
     */
    public Checked check(AgentId agent, OutgoingMail mail) {
        var to = addresses(mail.to());
        var cc = addresses(mail.cc());
        if (to.isEmpty() || to.size() + cc.size() > MOST_RECIPIENTS) {
            throw new GuichetException(MessagingError.MESSAGE_INVALID);
        }
        lengths(mail);
        var outside = new ArrayList<String>();
        to.forEach(address -> outsideOrNot(address, outside));
        cc.forEach(address -> outsideOrNot(address, outside));
        if (!outside.isEmpty() && !mail.documents().isEmpty()) {
            // whatever the charter says of outside recipients, the portal's documents stay inside
            refused(agent, MailRefused.Reason.DOCUMENT_OUTSIDE, outside);
        }
        if (!outside.isEmpty()
                && (settings.outsideRecipients() == MessagingSettings.Outside.REFUSE || !mail.outsideConfirmed())) {
            refused(agent, MailRefused.Reason.OUTSIDE_RECIPIENT, outside);
        }
        return new Checked(mail, to, cc, outside.size(), attachedDocuments(agent, mail));
    }

    /**
     * Sends a checked message as the agent, keeps a copy in Sent, and deletes the draft it replaces. A message whose
     * attachments come from another (forwarded, or a draft) is refused when one of them is a Guichet document and a
     * recipient is outside.
     */
    public void send(AgentId agent, MailAccount account, Checked checked) {
        var mail = checked.mail();
        mailboxes.onStore(account, store -> {
            var session = Session.getInstance(smtp());
            try (var kept = Kept.of(store, mail.attachmentsOf())) {
                if (checked.outside() > 0 && kept.parts().stream().anyMatch(MailSending::isGuichetDocument)) {
                    refused(agent, MailRefused.Reason.DOCUMENT_OUTSIDE, List.of());
                }
                var message =
                        message(session, account, mail, checked.to(), checked.cc(), checked.documents(), kept.parts());
                try (var transport = session.getTransport("smtp")) {
                    transport.connect(settings.smtpHost(), settings.smtpPort(), account.login(), account.secret());
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (SendFailedException refusedAddresses) {
                    if (refusedAddresses.getInvalidAddresses() == null
                            || refusedAddresses.getInvalidAddresses().length == 0) {
                        throw refusedAddresses;
                    }
                    throw new GuichetException(
                            MessagingError.RECIPIENT_REFUSED,
                            refusedAddresses,
                            String.join(
                                    ", ",
                                    Arrays.stream(refusedAddresses.getInvalidAddresses())
                                            .map(String::valueOf)
                                            .toList()));
                }
                append(store, settings.sentFolder(), message, new Flags(Flags.Flag.SEEN));
            }
            deleteDraft(store, mail.draft());
            return null;
        });
        events.publish(
                new MailSent(agent, checked.to().size() + checked.cc().size(), checked.outside(), clock.instant()));
    }

    /**
     * Keeps a message as a draft in the Drafts folder (made when missing), replacing the draft it continues; the
     * charter is applied when it is sent. Its new name, when the server tells it (UIDPLUS), else null.
     */
    public @Nullable MessageId saveDraft(AgentId agent, MailAccount account, OutgoingMail mail) {
        var to = addresses(mail.to());
        var cc = addresses(mail.cc());
        if (to.size() + cc.size() > MOST_RECIPIENTS) {
            throw new GuichetException(MessagingError.MESSAGE_INVALID);
        }
        lengths(mail);
        var attached = attachedDocuments(agent, mail);
        return mailboxes.onStore(account, store -> {
            MessageId saved;
            try (var kept = Kept.of(store, mail.attachmentsOf())) {
                var message = message(Session.getInstance(smtp()), account, mail, to, cc, attached, kept.parts());
                var flags = new Flags(Flags.Flag.DRAFT);
                flags.add(Flags.Flag.SEEN);
                saved = append(store, settings.draftsFolder(), message, flags);
            }
            deleteDraft(store, mail.draft());
            return saved;
        });
    }

    private void refused(AgentId agent, MailRefused.Reason reason, List<String> outside) {
        events.publish(new MailRefused(agent, reason, outside.size(), clock.instant()));
        throw new GuichetException(
                reason == MailRefused.Reason.DOCUMENT_OUTSIDE
                        ? MessagingError.DOCUMENT_OUTSIDE
                        : MessagingError.OUTSIDE_RECIPIENT,
                String.join(", ", outside));
    }

    private void lengths(OutgoingMail mail) {
        if (mail.subject().length() > 998
                || mail.text().length() > LONGEST_TEXT
                || (mail.inReplyTo() != null
                        && !MESSAGE_ID.matcher(mail.inReplyTo()).matches())
                || mail.files().size() + mail.documents().size() > MOST_ATTACHMENTS) {
            throw new GuichetException(MessagingError.MESSAGE_INVALID);
        }
        var weight = mail.files().stream().mapToLong(OutgoingMail.File::size).sum();
        if (weight > settings.largestAttachments().toBytes()) {
            throw new GuichetException(
                    MessagingError.ATTACHMENTS_TOO_LARGE,
                    settings.largestAttachments().toMegabytes());
        }
    }

    /** The Guichet documents attached, by their references, in the agent's order. */
    private java.util.Map<String, OutgoingMail.File> attachedDocuments(AgentId agent, OutgoingMail mail) {
        var attached = new java.util.LinkedHashMap<String, OutgoingMail.File>();
        mail.documents().forEach(reference -> attached.computeIfAbsent(reference, r -> documents.attached(agent, r)));
        return attached;
    }

    /** The message as it is sent: its text, the files and documents attached, and the parts kept from another. */
    private MimeMessage message(
            Session session,
            MailAccount account,
            OutgoingMail mail,
            List<InternetAddress> to,
            List<InternetAddress> cc,
            java.util.Map<String, OutgoingMail.File> attachedDocuments,
            List<Part> kept)
            throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(account.address()));
        if (!to.isEmpty()) {
            message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        }
        if (!cc.isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
            message.setHeader("References", mail.inReplyTo());
        }
        if (mail.files().isEmpty() && attachedDocuments.isEmpty() && kept.isEmpty()) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            var parts = new MimeMultipart("mixed");
            var text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            parts.addBodyPart(text);
            for (var file : mail.files()) {
                parts.addBodyPart(attachment(file, null));
            }
            for (var document : attachedDocuments.entrySet()) {
                parts.addBodyPart(attachment(document.getValue(), document.getKey()));
            }
            for (var part : kept) {
                var copy = new MimeBodyPart();
                copy.setDataHandler(part.getDataHandler());
                copy.setDisposition(Part.ATTACHMENT);
                if (part.getFileName() != null) {
                    copy.setFileName(part.getFileName());
                }
                copy.setHeader("Content-Transfer-Encoding", "base64");
                var document = part.getHeader(GuichetDocuments.HEADER);
                if (document != null && document.length > 0) {
                    copy.setHeader(GuichetDocuments.HEADER, document[0]);
                }
                parts.addBodyPart(copy);
            }
            message.setContent(parts);
        }
        message.saveChanges();
        return message;
    }

    /** A file as a part of the message, read from its source each time the message is written. */
    private static MimeBodyPart attachment(OutgoingMail.File file, @Nullable String document)
            throws MessagingException {
        var part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileSource(file)));
        part.setDisposition(Part.ATTACHMENT);
        try {
            part.setFileName(MimeUtility.encodeText(file.name(), StandardCharsets.UTF_8.name(), null));
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        // always sent in base64: whatever the file holds, no need to read it first to choose
        part.setHeader("Content-Transfer-Encoding", "base64");
        if (document != null) {
            part.setHeader(GuichetDocuments.HEADER, document);
        }
        return part;
    }

    /** An attached file as Jakarta Activation reads it. */
    private record FileSource(OutgoingMail.File file) implements DataSource {

        private static final Pattern TYPE = Pattern.compile("[a-z0-9.+-]{1,64}/[a-z0-9.+-]{1,64}");

        @Override
        public InputStream getInputStream() throws IOException {
            return file.content().getInputStream();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("an attached file is only read");
        }

        @Override
        public String getContentType() {
            var type = file.type().toLowerCase(Locale.ROOT).strip();
            return TYPE.matcher(type).matches() ? type : "application/octet-stream";
        }

        @Override
        public String getName() {
            return file.name();
        }
    }

    /**
     * The attachments of the message whose attachments go along (forwarded, or the draft continued), its folder open
     * while the new message is written and sent; none when there is no such message.
     */
    private record Kept(List<Part> parts, jakarta.mail.@Nullable Folder folder) implements AutoCloseable {

        static Kept of(Store store, @Nullable MessageId of) throws MessagingException, IOException {
            if (of == null) {
                return new Kept(List.of(), null);
            }
            var folder = Mailboxes.openFolder(store, of.folder(), jakarta.mail.Folder.READ_ONLY);
            try {
                return new Kept(ImapMessages.attachmentParts(Mailboxes.byId(folder, of)), folder);
            } catch (GuichetException | MessagingException | IOException failed) {
                folder.close(false);
                throw failed;
            }
        }

        @Override
        public void close() throws MessagingException {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        }
    }

    private static boolean isGuichetDocument(Part part) {
        try {
            var header = part.getHeader(GuichetDocuments.HEADER);
            return header != null && header.length > 0;
        } catch (MessagingException unreadable) {
            return true;
        }
    }

    /** Appends a message to a folder (made when missing); its name when the server tells it (UIDPLUS). */
    private static @Nullable MessageId append(Store store, String folderName, MimeMessage message, Flags flags)
            throws MessagingException {
        var folder = store.getFolder(folderName);
        if (!folder.exists()) {
            folder.create(jakarta.mail.Folder.HOLDS_MESSAGES);
        }
        message.setFlags(flags, true);
        if (folder instanceof org.eclipse.angus.mail.imap.IMAPFolder imap) {
            var uids = imap.appendUIDMessages(new Message[] {message});
            if (uids != null && uids.length == 1 && uids[0] != null) {
                return new MessageId(folder.getFullName(), uids[0].uidvalidity, uids[0].uid);
            }
            return null;
        }
        folder.appendMessages(new Message[] {message});
        return null;
    }

    /** Deletes the draft a message replaced, if it is still there and still a draft. */
    private void deleteDraft(Store store, @Nullable MessageId draft) throws MessagingException, IOException {
        if (draft == null || !draft.folder().equals(settings.draftsFolder())) {
            return;
        }
        var folder = Mailboxes.openFolder(store, draft.folder(), jakarta.mail.Folder.READ_WRITE);
        try {
            var uids = (UIDFolder) folder;
            var message = uids.getUIDValidity() == draft.uidValidity() ? uids.getMessageByUID(draft.uid()) : null;
            if (message != null && !message.isExpunged() && message.isSet(Flags.Flag.DRAFT)) {
                message.setFlag(Flags.Flag.DELETED, true);
                folder.expunge();
            }
        } finally {
            folder.close(false);
        }
    }

    private Properties smtp() {
        return MailLogin.properties(settings, "smtp", settings.smtpSecurity());
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

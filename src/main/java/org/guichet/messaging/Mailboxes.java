package org.guichet.messaging;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The agent's mailboxes on the mail server, over IMAP signed in with the agent's token ({@code XOAUTH2} or {@code
 * OAUTHBEARER}, see {@link MailLogin}): the token is the only credential, the agent has no mail password to type.
 */
@Service
public class Mailboxes {

    private final MessagingSettings settings;

    Mailboxes(MessagingSettings settings) {
        this.settings = settings;
    }

    /** What is done with a connection to the agent's mailbox. */
    @FunctionalInterface
    interface OnStore<T> {
        T apply(Store store) throws MessagingException, IOException;
    }

    /** What is done in an open folder. */
    @FunctionalInterface
    private interface InFolder<T> {
        T apply(jakarta.mail.Folder folder) throws MessagingException, IOException;
    }

    /** The folders that hold messages, the inbox first, each with its unread and total counts. */
    public List<Folder> folders(MailAccount account) {
        return onStore(account, Mailboxes::folders);
    }

    /** A folder as its page shows it: the mailbox's folders with their counts, and one page of its messages. */
    public record FolderView(List<Folder> folders, MessagePage messages) {}

    /**
     * The folders and one page of a folder's messages (see {@link #messages(MailAccount, String, String, int, int)}),
     * over one connection: one sign-in to the mail server for the whole page.
     */
    public FolderView folderView(MailAccount account, String folderName, String query, int page, int size) {
        return onStore(
                account, store -> new FolderView(folders(store), messages(store, folderName, query, page, size)));
    }

    private static List<Folder> folders(Store store) throws MessagingException {
        var folders = new ArrayList<Folder>();
        for (var folder : store.getDefaultFolder().list("*")) {
            if (holdsMessages(folder)) {
                folders.add(new Folder(folder.getFullName(), folder.getUnreadMessageCount(), folder.getMessageCount()));
            }
        }
        folders.sort(Comparator.comparing((Folder folder) -> !"INBOX".equalsIgnoreCase(folder.name()))
                .thenComparing(Folder::name, String.CASE_INSENSITIVE_ORDER));
        return folders;
    }

    /** One page of a folder's messages, newest first ({@code page} from 0); refused for a folder that is not there. */
    public MessagePage messages(MailAccount account, String folderName, int page, int size) {
        return messages(account, folderName, "", page, size);
    }

    /**
     * One page of a folder's messages whose sender, subject or text holds {@code query} (the server searches, IMAP
     * SEARCH), newest first; all of them when {@code query} is blank.
     */
    public MessagePage messages(MailAccount account, String folderName, String query, int page, int size) {
        return onStore(account, store -> messages(store, folderName, query, page, size));
    }

    private static MessagePage messages(Store store, String folderName, String query, int page, int size)
            throws MessagingException, IOException {
        return inFolder(store, folderName, jakarta.mail.Folder.READ_ONLY, folder -> {
            var found = query.isBlank() ? null : folder.search(search(query.strip()));
            var total = found == null ? folder.getMessageCount() : found.length;
            var newest = total - page * size;
            var oldest = Math.max(1, newest - size + 1);
            var summaries = new ArrayList<MessageSummary>();
            if (newest >= 1) {
                var messages = found == null
                        ? folder.getMessages(oldest, newest)
                        : Arrays.copyOfRange(found, oldest - 1, newest);
                var profile = new jakarta.mail.FetchProfile();
                profile.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
                profile.add(jakarta.mail.FetchProfile.Item.FLAGS);
                profile.add(jakarta.mail.FetchProfile.Item.CONTENT_INFO);
                profile.add(jakarta.mail.FetchProfile.Item.SIZE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, profile);
                var uids = (UIDFolder) folder;
                for (int i = messages.length - 1; i >= 0; i--) {
                    summaries.add(ImapMessages.summary(
                            messages[i],
                            new MessageId(folder.getFullName(), uids.getUIDValidity(), uids.getUID(messages[i]))));
                }
            }
            return new MessagePage(folder.getFullName(), page, size, total, summaries);
        });
    }

    /**
     * A message to read, marked read; its HTML sanitised, remote images left out unless {@code remoteImages}. Refused
     * when the folder was renumbered or the message is gone.
     */
    public MessageView read(MailAccount account, MessageId id, boolean remoteImages) {
        return onStore(
                account,
                store -> inFolder(store, id.folder(), jakarta.mail.Folder.READ_WRITE, folder -> {
                    var message = byId(folder, id);
                    var view = ImapMessages.view(message, id, remoteImages);
                    message.setFlag(jakarta.mail.Flags.Flag.SEEN, true);
                    return view;
                }));
    }

    /** Marks a message read or not, flagged or not (each left as it is when null). */
    public void mark(MailAccount account, MessageId id, @Nullable Boolean seen, @Nullable Boolean flagged) {
        onStore(
                account,
                store -> inFolder(store, id.folder(), jakarta.mail.Folder.READ_WRITE, folder -> {
                    var message = byId(folder, id);
                    if (seen != null) {
                        message.setFlag(jakarta.mail.Flags.Flag.SEEN, seen);
                    }
                    if (flagged != null) {
                        message.setFlag(jakarta.mail.Flags.Flag.FLAGGED, flagged);
                    }
                    return null;
                }));
    }

    /**
     * Moves a message to another folder of the mailbox (refused when there is none of that name); to the Trash when
     * {@code target} is the Trash (made when missing); deleted for good when it already is in the Trash.
     */
    public void move(MailAccount account, MessageId id, String target) {
        onStore(account, store -> {
            var trash = settings.trashFolder().equals(target);
            var destination = store.getFolder(target);
            if (trash && !destination.exists()) {
                destination.create(jakarta.mail.Folder.HOLDS_MESSAGES);
            }
            if (!destination.exists() || !holdsMessages(destination)) {
                throw new GuichetException(MessagingError.FOLDER_NOT_FOUND);
            }
            return inFolder(store, id.folder(), jakarta.mail.Folder.READ_WRITE, folder -> {
                var message = byId(folder, id);
                if (folder.getFullName().equals(destination.getFullName())) {
                    if (trash) {
                        message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                        folder.expunge();
                    }
                    return null;
                }
                // a copy there, then gone from here (what IMAP MOVE does, with the standard API)
                folder.copyMessages(new Message[] {message}, destination);
                message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                folder.expunge();
                return null;
            });
        });
    }

    /** What an attachment is, told before its bytes: its name, type and size as the message says. */
    public record AttachmentHead(String name, String type, int size) {}

    /**
     * Streams an attachment of a message ({@code part}: its position, as {@link MessageView.Attachment#part()} gives
     * it) to {@code out}, decoded, a piece at a time (the IMAP server sends it in pieces: never held whole); {@code
     * head} is told what it is first, before any byte is written.
     */
    public void download(
            MailAccount account, MessageId id, String part, Consumer<AttachmentHead> head, OutputStream out) {
        onStore(
                account,
                store -> inFolder(store, id.folder(), jakarta.mail.Folder.READ_ONLY, folder -> {
                    var found = ImapMessages.part(byId(folder, id), part);
                    if (found == null) {
                        throw new GuichetException(MessagingError.MESSAGE_NOT_FOUND);
                    }
                    var name = found.getFileName() == null
                            ? "piece-jointe"
                            : jakarta.mail.internet.MimeUtility.decodeText(found.getFileName());
                    var type = found.getContentType() == null
                            ? "application/octet-stream"
                            : found.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
                    head.accept(new AttachmentHead(name, type, found.getSize()));
                    try (var in = found.getInputStream()) {
                        in.transferTo(out);
                    }
                    return null;
                }));
    }

    /**
     * Works with a connection to the agent's mailbox, signed in with the token: a refused token asks the agent to
     * sign in again, a server that does not answer says so.
     */
    <T> T onStore(MailAccount account, OnStore<T> work) {
        try (var store = open(account)) {
            return work.apply(store);
        } catch (AuthenticationFailedException refused) {
            throw new GuichetException(MessagingError.SIGN_IN_AGAIN, refused);
        } catch (MessagingException | IOException unreachable) {
            throw new GuichetException(MessagingError.MAIL_SERVER_UNAVAILABLE, unreachable);
        }
    }

    /** Works in a folder that holds messages, opened in {@code mode}; refused when there is none of that name. */
    private static <T> T inFolder(Store store, String name, int mode, InFolder<T> work)
            throws MessagingException, IOException {
        var folder = openFolder(store, name, mode);
        try {
            return work.apply(folder);
        } finally {
            folder.close(false);
        }
    }

    /** A folder that holds messages, opened in {@code mode} (the caller closes it); refused when there is none. */
    static jakarta.mail.Folder openFolder(Store store, String name, int mode) throws MessagingException {
        var folder = store.getFolder(name);
        if (!folder.exists() || !holdsMessages(folder)) {
            throw new GuichetException(MessagingError.FOLDER_NOT_FOUND);
        }
        folder.open(mode);
        return folder;
    }

    /** The message a name stands for, unless the folder was renumbered or the message is gone. */
    static Message byId(jakarta.mail.Folder folder, MessageId id) throws MessagingException {
        var uids = (UIDFolder) folder;
        var message = uids.getUIDValidity() == id.uidValidity() ? uids.getMessageByUID(id.uid()) : null;
        if (message == null || message.isExpunged()) {
            throw new GuichetException(MessagingError.MESSAGE_NOT_FOUND);
        }
        return message;
    }

    private static boolean holdsMessages(jakarta.mail.Folder folder) throws MessagingException {
        return (folder.getType() & jakarta.mail.Folder.HOLDS_MESSAGES) != 0;
    }

    /** Dates as agents write them: {@code 30/11/2026} (French), {@code 2026-11-30}. */
    private static final java.time.format.DateTimeFormatter[] DATES = {
        java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
    };

    /** Messages whose sender, subject or text holds the query; or, when it is a date, sent that day. */
    private static SearchTerm search(String query) {
        var text =
                new OrTerm(new SearchTerm[] {new FromStringTerm(query), new SubjectTerm(query), new BodyTerm(query)});
        for (var format : DATES) {
            try {
                var day = java.time.LocalDate.parse(query, format);
                // IMAP SENTON names a day, which Jakarta Mail writes in the JVM's zone: midday there is that day
                var date = java.util.Date.from(day.atTime(12, 0)
                        .atZone(java.time.ZoneId.systemDefault())
                        .toInstant());
                return new OrTerm(
                        text, new jakarta.mail.search.SentDateTerm(jakarta.mail.search.ComparisonTerm.EQ, date));
            } catch (java.time.format.DateTimeParseException notThisOne) {
                // not a date in this form
            }
        }
        return text;
    }

    /** A connection to the agent's mailbox, signed in as {@link MailLogin} says. */
    private Store open(MailAccount account) throws MessagingException {
        var protocol = settings.imapSecurity() == MessagingSettings.Security.SSL ? "imaps" : "imap";
        var properties = MailLogin.properties(settings, protocol, settings.imapSecurity());
        // headers in raw UTF-8 (RFC 6532; French senders' subjects often come so) read as UTF-8, not Latin-1
        properties.put("mail.mime.allowutf8", "true");
        // a message appended (the copy in Sent, a draft) is written twice, counted then sent, rather than held whole in
        // memory to count it: Jakarta Mail buffers every message by default (-1), 25 MB of attachment included
        properties.put("mail." + protocol + ".appendbuffersize", "0");
        var store = Session.getInstance(properties).getStore(protocol);
        store.connect(settings.imapHost(), settings.imapPort(), account.login(), account.secret());
        return store;
    }
}

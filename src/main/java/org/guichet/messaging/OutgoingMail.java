package org.guichet.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/**
 * A message the agent sends (or keeps as a draft).
 *
 * @param to its recipients
 * @param cc its copies
 * @param subject its subject
 * @param text its text
 * @param outsideConfirmed whether the agent confirmed sending outside the administration, knowing the charter's rule
 *     (only where the charter warns rather than refuses)
 * @param inReplyTo the Message-ID of the message it answers ({@code <…@…>}), so that mail programs thread them; null
 *     for a new message
 * @param files the files the agent attached, read from where the upload left them (never held whole)
 * @param documents the Guichet documents the agent attached, by their reference ({@code payslip:…}, {@code
 *     certificate:…}): never for a recipient outside the administration
 * @param attachmentsOf a message whose attachments go with this one (the one forwarded, or the draft continued); null
 *     for none
 * @param draft the draft this message replaces (deleted once it is sent or saved again); null for none
 */
public record OutgoingMail(
        List<String> to,
        List<String> cc,
        String subject,
        String text,
        boolean outsideConfirmed,
        @Nullable String inReplyTo,
        List<File> files,
        List<String> documents,
        @Nullable MessageId attachmentsOf,
        @Nullable MessageId draft) {

    public OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        files = List.copyOf(files);
        documents = List.copyOf(documents);
    }

    /** A message with text only. */
    public OutgoingMail(
            List<String> to,
            List<String> cc,
            String subject,
            String text,
            boolean outsideConfirmed,
            @Nullable String inReplyTo) {
        this(to, cc, subject, text, outsideConfirmed, inReplyTo, List.of(), List.of(), null, null);
    }

    /**
     * A file the agent attached.
     *
     * @param name its name
     * @param type its media type, as the browser gave it
     * @param size its size in bytes
     * @param content where to read it from, as many times as needed (sent, then kept in Sent)
     */
    public record File(String name, String type, long size, InputStreamSource content) {}
}

package org.guichet.messaging;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message to read.
 *
 * @param id its name in the webmail's addresses
 * @param from the sender
 * @param to its recipients
 * @param cc its copies
 * @param subject its subject
 * @param date when it was sent
 * @param text its plain text part (empty when it has only HTML)
 * @param html its HTML part, sanitised: no script, no handler, no style sheet, no remote image (unless asked), every
 *     link opening apart with its target shown; null when it has none
 * @param remoteImages whether remote images were left out (the agent may ask for them)
 * @param attachments its attachments
 * @param messageId its Message-ID ({@code <…@…>}), for a reply to name it; null when it has none
 * @param flagged whether the agent flagged it
 * @param draft whether it is a draft the agent may go on with
 */
public record MessageView(
        String id,
        String from,
        List<String> to,
        List<String> cc,
        String subject,
        @Nullable Instant date,
        String text,
        @Nullable String html,
        boolean remoteImages,
        List<Attachment> attachments,
        @Nullable String messageId,
        boolean flagged,
        boolean draft) {

    /**
     * An attachment: its position in the message ({@code 2}, {@code 2.1}), name, type and size in bytes (as the
     * server counts it, encoded).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "MailAttachment")
    public record Attachment(String part, String name, String type, int size) {}
}

package org.guichet.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A message as the webmail names it in addresses: its folder, the folder's UIDVALIDITY and its UID, so that a name
 * never points at another message once the folder is renumbered.
 */
public record MessageId(String folder, long uidValidity, long uid) {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{1,400})\\.([0-9]{1,19})\\.([0-9]{1,19})");

    /** The name in addresses: the folder in base64url, then the two numbers. */
    public String value() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(folder.getBytes(StandardCharsets.UTF_8)) + "."
                + uidValidity + "." + uid;
    }

    /** The message this name stands for; empty for a name the webmail never gave. */
    public static Optional<MessageId> parse(String value) {
        var matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            var folder = new String(Base64.getUrlDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
            return Optional.of(
                    new MessageId(folder, Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))));
        } catch (IllegalArgumentException garbled) {
            return Optional.empty();
        }
    }

    /** The message this name stands for; refused as not found (404) for a name the webmail never gave. */
    public static MessageId named(String value) {
        return parse(value)
                .orElseThrow(() -> new org.guichet.platform.GuichetException(MessagingError.MESSAGE_NOT_FOUND));
    }

    @Override
    public String toString() {
        return value();
    }
}

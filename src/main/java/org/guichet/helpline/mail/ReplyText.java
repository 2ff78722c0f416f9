package org.guichet.helpline.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * What an agent wrote in a reply: its plain text (or its HTML made plain), without what it quotes — cut at the
 * helpline's "reply above this line", at the line that introduces the quoted e-mail ("Le … a écrit :", "On … wrote:",
 * "-----Original Message-----"), and without the lines quoted with {@code >}.
 */
final class ReplyText {

    private static final Pattern INTRODUCES_QUOTE = Pattern.compile(
            "^\\s*(le\\s.+\\sa\\s+écrit\\s*:|on\\s.+\\swrote\\s*:|-+\\s*(original message|message d'origine|message d’origine)\\s*-+|de\\s*:\\s.+|from\\s*:\\s.+)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ReplyText() {}

    /** The new text of a reply. */
    static String of(Part message) throws MessagingException, IOException {
        var text = plain(message);
        return text == null ? "" : newText(text);
    }

    /** The text above what a reply quotes. */
    static String newText(String text) {
        var kept = new ArrayList<String>();
        for (var line : text.replace("\r\n", "\n").split("\n", -1)) {
            var unquoted = line.replaceFirst("^[>\\s]*", "");
            if (unquoted.startsWith(ConversationMails.REPLY_ABOVE)
                    || INTRODUCES_QUOTE.matcher(line).matches()) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept).strip();
    }

    private static @Nullable String plain(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            String html = null;
            for (var i = 0; i < parts.getCount(); i++) {
                var each = parts.getBodyPart(i);
                var found = plain(each);
                if (found != null) {
                    return found;
                }
                if (html == null && each.isMimeType("text/html")) {
                    html = fromHtml(String.valueOf(each.getContent()));
                }
            }
            return html;
        }
        if (part.isMimeType("text/html")) {
            return fromHtml(String.valueOf(part.getContent()));
        }
        return null;
    }

    private static String fromHtml(String html) {
        var withoutQuotes = html.replaceAll("(?is)<blockquote.*?</blockquote>", "")
                .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "");
        var lines = withoutQuotes.replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n").replaceAll("<[^>]*>", "");
        return HtmlUtils.htmlUnescape(lines);
    }
}

package org.guichet.helpline;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The helpline, bound to {@code guichet.helpline}.
 *
 * @param address IT support's mailbox: each conversation's e-mails ask for replies at {@code
 *     <local>+<secret>@<domain>} (the mail server delivers those to this mailbox: Postfix's {@code
 *     recipient_delimiter = +}, Exchange's plus addressing), and Guichet reads the replies there
 * @param imapHost the IMAP server holding that mailbox; empty: replies by e-mail are not read, and the e-mails say to
 *     answer in the portal
 * @param imapPort its port
 * @param imapSecurity {@code NONE} (loopback only), {@code STARTTLS} or {@code SSL}
 * @param imapUser the mailbox's login
 * @param imapPassword its password
 * @param timeout how long the IMAP server has to connect and to answer
 * @param formPerAddress how many messages the login page's form takes from one client address per hour
 * @param formPerIdentifier how many it takes for one identifier per hour, whoever sends them
 */
@ConfigurationProperties("guichet.helpline")
@Validated
public record HelplineSettings(
        @DefaultValue("assistance@ville.example") @NotBlank @Email
        String address,

        @DefaultValue("") String imapHost,
        @DefaultValue("993") @Min(1) @Max(65535) int imapPort,
        @DefaultValue("SSL") Security imapSecurity,
        @DefaultValue("") String imapUser,
        @DefaultValue("") String imapPassword,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5") @Min(1) int formPerAddress,
        @DefaultValue("3") @Min(1) int formPerIdentifier) {

    /** How the connection to the IMAP server is protected. */
    public enum Security {
        NONE,
        STARTTLS,
        SSL
    }

    /** Whether Guichet reads replies by e-mail. */
    public boolean readsReplies() {
        return !imapHost.isBlank();
    }

    /** The reply address of a conversation: {@code assistance+<token>@ville.example}. */
    public String replyAddress(String token) {
        var at = address.lastIndexOf('@');
        return address.substring(0, at) + "+" + token + address.substring(at);
    }

    /** The part after the {@code @}, for Message-IDs. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}

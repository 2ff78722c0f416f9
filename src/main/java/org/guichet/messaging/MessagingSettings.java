package org.guichet.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The administration's mail server, bound to {@code guichet.messaging}.
 *
 * @param imapHost the IMAP server
 * @param imapPort its port
 * @param imapSecurity {@code NONE} (loopback only), {@code STARTTLS} or {@code SSL}
 * @param resourceServer the client id the mail server asks Guichet's {@code /oauth2/introspect} with
 * @param resourceServerSecret its secret (the mail server's configuration holds the same); empty: none is registered
 *     and the webmail cannot sign in
 * @param tokenLifetime how long a token given to the mail server lives
 * @param renewBefore a token that expires sooner than this is replaced before it is used, so that the mail server
 *     never sees an expired one
 * @param timeout how long the mail server has to connect and to answer
 * @param smtpHost the submission server (SMTP, RFC 6409) that sends the agent's messages
 * @param smtpPort its port
 * @param smtpSecurity {@code NONE} (loopback only), {@code STARTTLS} or {@code SSL}
 * @param internalDomains the administration's mail domains: a recipient elsewhere is outside
 * @param outsideRecipients what the charter makes of a message to someone outside: {@code REFUSE} (the default), or
 *     {@code WARN} (sent once the agent confirms, knowing the rule)
 * @param sentFolder where a copy of each message sent is kept
 * @param trashFolder where deleted messages go (deleted for good from there)
 * @param draftsFolder where drafts are kept
 * @param largestAttachments the most the files attached to one message may weigh together
 * @param authentication how Guichet signs in to the mail server: with the agent's token over SASL {@code XOAUTH2}
 *     (the default) or {@code OAUTHBEARER} (RFC 7628); or, for a server without OAuth, {@code MASTER_USER}: as a
 *     master user on the agent's behalf, journaled at every use
 * @param masterUser the master user's name ({@code MASTER_USER} only)
 * @param masterPassword its password
 * @param masterUserSeparator what joins the agent's name and the master user's in the login ({@code
 *     agent@ville.example*guichet}: Dovecot's {@code auth_master_user_separator})
 */
@ConfigurationProperties("guichet.messaging")
@Validated
public record MessagingSettings(
        @DefaultValue("127.0.0.1") @NotBlank String imapHost,
        @DefaultValue("143") @Min(1) @Max(65535) int imapPort,
        @DefaultValue("NONE") Security imapSecurity,
        @DefaultValue("mail-server") @NotBlank String resourceServer,
        @DefaultValue("") String resourceServerSecret,
        @DefaultValue("10m") Duration tokenLifetime,
        @DefaultValue("2m") Duration renewBefore,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("127.0.0.1") @NotBlank String smtpHost,
        @DefaultValue("587") @Min(1) @Max(65535) int smtpPort,
        @DefaultValue("NONE") Security smtpSecurity,
        @DefaultValue("ville.example") java.util.List<String> internalDomains,
        @DefaultValue("REFUSE") Outside outsideRecipients,
        @DefaultValue("Sent") @NotBlank String sentFolder,
        @DefaultValue("Trash") @NotBlank String trashFolder,
        @DefaultValue("Drafts") @NotBlank String draftsFolder,
        @DefaultValue("30MB") org.springframework.util.unit.DataSize largestAttachments,
        @DefaultValue("XOAUTH2") Authentication authentication,
        @DefaultValue("") String masterUser,
        @DefaultValue("") String masterPassword,
        @DefaultValue("*") String masterUserSeparator) {

    /** How Guichet signs in to the mail server. */
    public enum Authentication {
        XOAUTH2,
        OAUTHBEARER,
        MASTER_USER
    }

    /** What the charter makes of a recipient outside the administration. */
    public enum Outside {
        REFUSE,
        WARN
    }

    /** How the connection to the mail server is protected. */
    public enum Security {
        NONE,
        STARTTLS,
        SSL
    }
}

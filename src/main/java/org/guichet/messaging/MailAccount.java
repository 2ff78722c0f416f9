package org.guichet.messaging;

/**
 * Whose mailbox, and the token that opens it now.
 *
 * @param username the name the mail server knows the agent by (the professional address)
 * @param token an access token for the mail server, valid for a while yet
 */
public record MailAccount(String username, String token) {

    @Override
    public String toString() {
        return "MailAccount[" + username + "]";
    }
}

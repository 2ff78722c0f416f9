package org.guichet.messaging;

/**
 * Whose mailbox, and how to open it now.
 *
 * @param address the agent's professional address (the mailbox's, and the sender of what the agent sends)
 * @param login the name Guichet signs in with: the address, or the address and the master user's name
 * @param secret an access token for the mail server, valid for a while yet; or the master user's password
 * @param token whether the secret is a token Guichet gave itself (revoked when the server refuses it)
 */
public record MailAccount(String address, String login, String secret, boolean token) {

    /** An account opened with the agent's token. */
    public static MailAccount withToken(String address, String token) {
        return new MailAccount(address, address, token, true);
    }

    @Override
    public String toString() {
        return "MailAccount[" + address + "]";
    }
}

package org.guichet.messaging;

/**
 * A mailbox folder as the agent sees it.
 *
 * @param name its full name on the server ({@code INBOX}, {@code Sent})
 * @param unread how many of its messages are not read
 * @param total how many messages it holds
 */
public record Folder(String name, int unread, int total) {}

package org.guichet.messaging;

import java.util.List;

/**
 * One page of a folder's messages, newest first.
 *
 * @param folder the folder
 * @param page which page (from 0)
 * @param size how many messages a page holds at most
 * @param total how many messages the folder holds
 * @param messages this page's
 */
public record MessagePage(String folder, int page, int size, int total, List<MessageSummary> messages) {

    public MessagePage {
        messages = List.copyOf(messages);
    }

    /** Whether older messages follow on another page. */
    public boolean more() {
        return (long) (page + 1) * size < total;
    }
}

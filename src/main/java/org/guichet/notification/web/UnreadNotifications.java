package org.guichet.notification.web;

import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.notification.inbox.Inbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count of the bell in every page's header, for a signed-in agent. */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotifications {

    private final Inbox inbox;

    UnreadNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotifications")
    @Nullable
    Integer unread(@Nullable Principal principal) {
        if (principal == null || !AgentId.isSoi(principal.getName())) {
            return null;
        }
        return inbox.unread(AgentId.of(principal.getName()));
    }
}

package org.guichet.notification.web;

import java.security.Principal;
import org.guichet.directory.AgentId;
import org.guichet.notification.inbox.Inbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count of the bell in every page's header, for a signed-in agent (not for the API's answers). */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotifications {

    private final Inbox inbox;

    UnreadNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotifications")
    @Nullable
    Integer unread(@Nullable Principal principal, jakarta.servlet.http.HttpServletRequest request) {
        // the API's answers have no header to show it in (a @RestController is a @Controller too)
        if (principal == null
                || !AgentId.isSoi(principal.getName())
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return inbox.unread(AgentId.of(principal.getName()));
    }
}

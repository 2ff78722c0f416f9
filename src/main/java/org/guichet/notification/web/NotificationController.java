package org.guichet.notification.web;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.notification.Category;
import org.guichet.notification.inbox.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Notifications": the latest, read or not, each linking to its page; and the e-mail choices per subject. */
@Controller
class NotificationController {

    private static final int SHOWN = 50;

    private final Inbox inbox;
    private final Clock clock;

    NotificationController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    String showNotifications(Principal principal, Model model) {
        var agent = AgentId.of(principal.getName());
        model.addAttribute("notifications", inbox.latest(agent, SHOWN));
        model.addAttribute("choices", inbox.emailChoices(agent));
        return "notification/notifications";
    }

    /** Opens a notification: marks it read and goes to its page. */
    @GetMapping("/notifications/{id}")
    String openNotification(@PathVariable String id, Principal principal) {
        var agent = AgentId.of(principal.getName());
        try {
            var uuid = UUID.fromString(id);
            var link = inbox.link(agent, uuid);
            if (link.isPresent()) {
                inbox.markRead(agent, uuid, clock.instant());
                return "redirect:" + link.get();
            }
        } catch (IllegalArgumentException e) {
            // a bad link: back to the list
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read")
    String processReadAll(Principal principal) {
        inbox.markAllRead(AgentId.of(principal.getName()), clock.instant());
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/email")
    String processEmailChoices(
            @RequestParam Map<String, String> form, Principal principal, RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        for (var category : Category.values()) {
            if (category.optional()) {
                inbox.chooseEmail(agent, category, form.containsKey("email." + category.name()));
            }
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notifications";
    }
}

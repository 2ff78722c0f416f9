package org.guichet.notification.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.notification.Category;
import org.guichet.notification.inbox.Inbox;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The notifications API: the latest with the unread ones marked, marking read, and the e-mail choices. */
@RestController
class NotificationApiController {

    private final Inbox inbox;
    private final Clock clock;

    NotificationApiController(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    record View(String id, String category, String title, String link, Instant createdAt, boolean read) {}

    @GetMapping("/api/v1/notifications")
    Map<String, Object> list(Principal principal, Locale locale) {
        var agent = AgentId.of(principal.getName());
        List<View> items = inbox.latest(agent, 50).stream()
                .map(n -> new View(
                        n.id().toString(), n.category().name(), n.title(locale), n.link(), n.createdAt(), !n.unread()))
                .toList();
        return Map.of("unread", inbox.unread(agent), "notifications", items);
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable String id, Principal principal) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new GuichetException(PlatformError.NOT_FOUND);
        }
        if (!inbox.markRead(AgentId.of(principal.getName()), uuid, clock.instant())) {
            throw new GuichetException(PlatformError.NOT_FOUND);
        }
    }

    @GetMapping("/api/v1/notifications/email")
    Map<Category, Boolean> emailChoices(Principal principal) {
        return inbox.emailChoices(AgentId.of(principal.getName()));
    }

    /** E-mail on or off per category, e.g. {@code {"LEAVE": false}}; security cannot be turned off. */
    @PutMapping("/api/v1/notifications/email")
    Map<Category, Boolean> chooseEmail(@RequestBody Map<String, @Nullable Boolean> choices, Principal principal) {
        var agent = AgentId.of(principal.getName());
        choices.forEach((name, email) -> {
            var category = java.util.Arrays.stream(Category.values())
                    .filter(candidate -> candidate.name().equals(name) && candidate.optional())
                    .findFirst()
                    .orElseThrow(() -> new GuichetException(PlatformError.VALIDATION_FAILED));
            inbox.chooseEmail(agent, category, Boolean.TRUE.equals(email));
        });
        return inbox.emailChoices(agent);
    }
}

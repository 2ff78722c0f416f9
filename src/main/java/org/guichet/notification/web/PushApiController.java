package org.guichet.notification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.notification.Category;
import org.guichet.notification.push.PushSettings;
import org.guichet.notification.push.PushSubscriptions;
import org.guichet.notification.push.WebPushes;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications by Web Push, opted into per category on each browser or installed app: the key to subscribe with, and
 * the subscription the browser made, which only a browser's push service may be the address of.
 */
@RestController
class PushApiController {

    private final WebPushes pushes;
    private final PushSubscriptions subscriptions;
    private final PushSettings settings;
    private final Clock clock;

    PushApiController(WebPushes pushes, PushSubscriptions subscriptions, PushSettings settings, Clock clock) {
        this.pushes = pushes;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The browser's keys for a subscription (RFC 8291): {@code p256dh} and {@code auth}, base64url. */
    record Keys(
            @NotBlank @Size(max = 200) String p256dh,
            @NotBlank @Size(max = 100) String auth) {}

    /** A subscription as the browser's {@code PushSubscription.toJSON()} gives it, with the categories chosen. */
    record SubscriptionCommand(
            @NotBlank @Size(max = 1000) String endpoint,
            @NotNull @Valid Keys keys,
            @NotNull @Size(min = 1, max = 20) List<Category> categories) {}

    @GetMapping("/api/v1/notifications/push/key")
    Map<String, String> key() {
        return Map.of("applicationServerKey", pushes.applicationServerKey());
    }

    @PostMapping("/api/v1/notifications/push/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> subscribe(@RequestBody @Valid SubscriptionCommand command, Principal principal) {
        URI endpoint;
        try {
            endpoint = URI.create(command.endpoint());
        } catch (IllegalArgumentException garbled) {
            throw new GuichetException(PlatformError.VALIDATION_FAILED);
        }
        if (!settings.allows(endpoint)) {
            throw new GuichetException(PlatformError.VALIDATION_FAILED);
        }
        var categories = EnumSet.copyOf(command.categories());
        subscriptions.save(
                new PushSubscriptions.Subscription(
                        command.endpoint(),
                        AgentId.of(principal.getName()),
                        command.keys().p256dh(),
                        command.keys().auth(),
                        categories),
                clock.instant());
        return Map.of("endpoint", command.endpoint(), "categories", categories);
    }

    @DeleteMapping("/api/v1/notifications/push/subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@RequestParam String endpoint, Principal principal) {
        if (!subscriptions.delete(AgentId.of(principal.getName()), endpoint)) {
            throw new GuichetException(PlatformError.NOT_FOUND);
        }
    }
}

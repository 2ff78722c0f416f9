package org.guichet.notification.push;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notifications by Web Push, bound to {@code guichet.notification.push}.
 *
 * @param subject who push services may write to about Guichet's messages (VAPID {@code sub}: {@code mailto:…})
 * @param pushServices the hosts a subscription's address may name: the browsers' push services (a subscription that
 *     names any other host is refused, so that no agent can make Guichet post to an address of their choosing)
 */
@ConfigurationProperties("guichet.notification.push")
@Validated
public record PushSettings(
        @DefaultValue("mailto:dsi@ville.example") @NotBlank String subject,

        @DefaultValue({
            "fcm.googleapis.com",
            "updates.push.services.mozilla.com",
            "web.push.apple.com",
            "*.notify.windows.com"
        })
        List<String> pushServices) {

    /** Whether a subscription's address names one of the push services (over HTTPS, or plain HTTP on loopback). */
    public boolean allows(java.net.URI endpoint) {
        var host = endpoint.getHost();
        if (host == null || endpoint.getUserInfo() != null) {
            return false;
        }
        var loopback = host.equals("127.0.0.1") || host.equals("localhost");
        if (!"https".equals(endpoint.getScheme()) && !("http".equals(endpoint.getScheme()) && loopback)) {
            return false;
        }
        return pushServices.stream()
                .anyMatch(allowed -> allowed.startsWith("*.")
                        ? host.endsWith(allowed.substring(1))
                        : host.equalsIgnoreCase(allowed));
    }
}

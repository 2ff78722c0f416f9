package org.guichet.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery settings, bound to {@code guichet.delivery}. E-mail goes through Spring Boot's {@code spring.mail.*} SMTP
 * settings.
 *
 * @param outbox keep every message in the development outbox ({@code /dev/outbox}) instead of sending it; only
 *     honoured in the demo profile
 * @param mailFrom the sender of e-mails
 * @param sms the HTTP SMS provider
 */
@ConfigurationProperties("guichet.delivery")
@Validated
public record DeliverySettings(
        @DefaultValue("false") boolean outbox,

        @DefaultValue("Guichet <ne-pas-repondre@ville.example>") @NotBlank
        String mailFrom,

        @DefaultValue @Valid Sms sms) {

    /**
     * An HTTP SMS provider: Guichet POSTs {@code {"from": sender, "to": "+33…", "text": "…"}} as JSON to {@code
     * url}, with {@code Authorization: Bearer token} when a token is set.
     */
    public record Sms(
            @Nullable URI url,
            @Nullable String token,
            @DefaultValue("GUICHET") @NotBlank String sender,
            @DefaultValue("10s") Duration timeout) {}
}

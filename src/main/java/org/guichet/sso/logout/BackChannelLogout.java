package org.guichet.sso.logout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.AgentId;
import org.guichet.platform.TransactionalEvents;
import org.guichet.sso.BackChannelLogoutDelivered;
import org.guichet.sso.SsoSettings;
import org.guichet.sso.server.ClientSettingNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Tells applications that a session they signed in from has ended: an OpenID Connect Back-Channel Logout token
 * (signed like the ID tokens, with the {@code sid} they were given), posted to each application's back-channel
 * logout URI. A failed delivery is tried again, waiting twice as long each time, until {@code logout-attempts}; each
 * delivery (or giving up) is journaled. Every node delivers what is due; each attempt is taken by one of them.
 */
@Component
@ConditionalOnWebApplication
public class BackChannelLogout {

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final LogoutDeliveryRepository deliveries;
    private final RegisteredClientRepository clients;
    private final JwtEncoder encoder;
    private final SsoSettings settings;
    private final TransactionalEvents events;
    private final Clock clock;
    private final HttpClient http;

    BackChannelLogout(
            LogoutDeliveryRepository deliveries,
            RegisteredClientRepository clients,
            JwtEncoder encoder,
            SsoSettings settings,
            TransactionalEvents events,
            Clock clock) {
        this.deliveries = deliveries;
        this.clients = clients;
        this.encoder = encoder;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.logoutTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A logout token to deliver for this session to this application, when it has a back-channel logout URI. */
    void add(String sid, String agent, String registeredClientId, String issuer, String cause) {
        var client = clients.findById(registeredClientId);
        if (client != null && ClientSettingNames.backChannelLogoutUri(client) != null) {
            deliveries.add(sid, agent, registeredClientId, issuer, cause, clock.instant());
        }
    }

    /**
     * Every few seconds, by one node at a time; also at once, on the node where a session ends. Each delivery is taken
     * by one node with a conditional update, whoever calls.
     */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT20S")
    @SchedulerLock(name = "backchannel-logout")
    void deliverDueOnSchedule() {
        deliverDue();
    }

    /** Delivers what is due. */
    public void deliverDue() {
        var now = clock.instant();
        for (var delivery : deliveries.due(now, 100)) {
            var wait = settings.logoutRetry().multipliedBy(1L << Math.min(delivery.attempts(), 20));
            if (deliveries.take(delivery, now.plus(wait).plus(settings.logoutTimeout()))) {
                attempt(delivery);
            }
        }
    }

    private void attempt(LogoutDeliveryRepository.Delivery delivery) {
        var client = clients.findById(delivery.registeredClientId());
        var uri = client == null ? null : ClientSettingNames.backChannelLogoutUri(client);
        var attempts = delivery.attempts() + 1;
        var at = clock.instant();
        if (client == null || uri == null) {
            // the application was deleted, or no longer listens: nothing to tell
            deliveries.failed(delivery.id(), "no back-channel logout URI", true, at);
            return;
        }
        String error;
        try {
            var token = token(delivery, client.getClientId(), at);
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(uri))
                            .timeout(settings.logoutTimeout())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200 || response.statusCode() == 204) {
                deliveries.delivered(delivery.id(), clock.instant());
                journal(delivery, client.getClientId(), true, attempts, null);
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        var givenUp = attempts >= settings.logoutAttempts();
        deliveries.failed(delivery.id(), error, givenUp, clock.instant());
        LOG.info(
                "Back-channel logout to {} failed ({}), attempt {} of {}",
                client.getClientId(),
                error,
                attempts,
                settings.logoutAttempts());
        if (givenUp) {
            journal(delivery, client.getClientId(), false, attempts, error);
        }
    }

    /** The logout token (OpenID Connect Back-Channel Logout 1.0, section 2.4). */
    private String token(LogoutDeliveryRepository.Delivery delivery, String clientId, Instant at) {
        var claims = JwtClaimsSet.builder()
                .issuer(delivery.issuer())
                .audience(java.util.List.of(clientId))
                .issuedAt(at)
                .expiresAt(at.plus(Duration.ofMinutes(2)))
                .id(UUID.randomUUID().toString())
                .subject(delivery.agent())
                .claim("sid", delivery.sid())
                .claim("events", Map.of(EVENT, Map.of()))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private void journal(
            LogoutDeliveryRepository.Delivery delivery,
            String clientId,
            boolean delivered,
            int attempts,
            @org.jspecify.annotations.Nullable String error) {
        if (AgentId.isSoi(delivery.agent())) {
            events.publish(new BackChannelLogoutDelivered(
                    AgentId.of(delivery.agent()),
                    clientId,
                    delivery.cause(),
                    delivered,
                    attempts,
                    error,
                    clock.instant()));
        }
    }
}

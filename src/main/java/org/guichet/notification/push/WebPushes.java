package org.guichet.notification.push;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.guichet.directory.AgentId;
import org.guichet.notification.Category;
import org.guichet.platform.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the agent's notifications to the browsers and installed apps they subscribed, for the categories they chose
 * there: each message encrypted for its subscription (RFC 8291, {@code aes128gcm}) and signed with Guichet's VAPID key
 * (RFC 8292), posted in the background. The VAPID key is derived from a secret every node shares ({@link Secrets}),
 * so that any node sends for any subscription. A subscription the push service says is gone is forgotten.
 */
@Service
public class WebPushes {

    private static final Logger LOG = LoggerFactory.getLogger(WebPushes.class);

    private static final int TIME_TO_LIVE = (int) Duration.ofDays(1).toSeconds();

    private final PushSubscriptions subscriptions;
    private final PushSettings settings;
    private final Secrets secrets;
    private final JsonMapper json;
    private final TaskExecutor executor;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile VapidKeys keys;

    WebPushes(
            PushSubscriptions subscriptions,
            PushSettings settings,
            Secrets secrets,
            JsonMapper json,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.secrets = secrets;
        this.json = json;
        this.executor = executor;
    }

    /** The key browsers subscribe with ({@code applicationServerKey}), base64url. */
    public String applicationServerKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(vapid().getApplicationServerKey());
    }

    /** Tells the agent on every subscription that wants this category: a title, a line, the page to open. */
    public void send(AgentId agent, Category category, String title, String body, String link) {
        var targets = subscriptions.of(agent, category);
        if (targets.isEmpty()) {
            return;
        }
        var message = new LinkedHashMap<String, String>();
        message.put("title", title);
        message.put("body", body);
        message.put("link", link);
        var payload = json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        for (var target : targets) {
            executor.execute(() -> post(target, payload));
        }
    }

    private void post(PushSubscriptions.Subscription target, byte[] payload) {
        try {
            var push = new WebPush(settings.subject(), vapid());
            var decoder = Base64.getUrlDecoder();
            var body = push.getBody(payload, decoder.decode(target.p256dh()), decoder.decode(target.auth()));
            var request = HttpRequest.newBuilder(URI.create(target.endpoint()))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            // the VAPID token (RFC 8292) for the push service's origin, valid 12 hours
            var token = push.getToken(push.getAudience(target.endpoint()), (int)
                    Duration.ofHours(12).toSeconds());
            push.getHeadersWithToken(token, TIME_TO_LIVE, null, null).forEach(request::header);
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404 || answer.statusCode() == 410) {
                subscriptions.delete(target.endpoint());
            } else if (answer.statusCode() >= 300) {
                var said = answer.body() == null ? "" : answer.body();
                LOG.warn(
                        "The push service answered {} for a subscription of {}: {}",
                        answer.statusCode(),
                        target.agent(),
                        said.length() > 200 ? said.substring(0, 200) : said);
            }
        } catch (Exception e) {
            LOG.warn("Could not send a push notification to a subscription of {}: {}", target.agent(), e.toString());
        }
    }

    /** Guichet's VAPID key pair (P-256), derived from the shared secret {@code web-push}. */
    private VapidKeys vapid() {
        var known = keys;
        if (known != null) {
            return known;
        }
        try {
            var curve = ECNamedCurveTable.getParameterSpec("secp256r1");
            var d = new BigInteger(1, secrets.key("web-push"))
                    .mod(curve.getN().subtract(BigInteger.ONE))
                    .add(BigInteger.ONE);
            var q = curve.getG().multiply(d).normalize();
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            var spec = parameters.getParameterSpec(ECParameterSpec.class);
            var factory = KeyFactory.getInstance("EC");
            var publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(
                    new ECPoint(
                            q.getAffineXCoord().toBigInteger(),
                            q.getAffineYCoord().toBigInteger()),
                    spec));
            var privateKey = (ECPrivateKey) factory.generatePrivate(new ECPrivateKeySpec(d, spec));
            known = new VapidKeys(publicKey, privateKey);
            keys = known;
            return known;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is missing from this Java", e);
        }
    }
}

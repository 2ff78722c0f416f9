package org.guichet.sso.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.platform.SecretBox;
import org.guichet.sso.SsoSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The keys tokens are signed with (RSA 2048, RS256), the same on every node: kept in the database, each sealed under
 * {@code guichet.sso.key-encryption-key}. One key signs at a time; the next is published {@code key-publication}
 * before it signs, and a key replaced stays published as long as a token it signed may live, so that applications
 * verify earlier tokens through a rotation. Each node reads the keys again every minute.
 */
@Component
public class TokenKeys implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);
    private static final Duration RELOAD = Duration.ofMinutes(1);
    static final String JOB = "sso-key-rotation";

    private final TokenKeyRepository keys;
    private final SecretBox box;
    private final SsoSettings settings;
    private final Clock clock;
    private volatile @Nullable Loaded loaded;

    TokenKeys(TokenKeyRepository keys, SsoSettings settings, Clock clock) {
        this.keys = keys;
        this.box = new SecretBox(
                "guichet.sso.key-encryption-key, or the environment variable GUICHET_SSO_KEY",
                settings.keyEncryptionKey(),
                settings.previousKeyEncryptionKeys());
        this.settings = settings;
        this.clock = clock;
    }

    /** The published keys, the one that signs now first, and when they were read. */
    private record Loaded(List<RSAKey> published, RSAKey signing, Instant at) {}

    /** What the key set endpoint and the decoders select from: every published key (public parts only published). */
    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
        return selector.select(new JWKSet(List.<JWK>copyOf(loaded().published())));
    }

    /** The key that signs now, among those a selector found. */
    JWK signer(List<JWK> candidates) {
        var kid = loaded().signing().getKeyID();
        return candidates.stream()
                .filter(candidate -> kid.equals(candidate.getKeyID()))
                .findFirst()
                .orElse(candidates.getFirst());
    }

    /** The key id that signs now. */
    public String signingKeyId() {
        return loaded().signing().getKeyID();
    }

    /** The ids of the published keys, the newest first. */
    public List<String> publishedKeyIds() {
        return loaded().published().stream().map(RSAKey::getKeyID).toList();
    }

    private Loaded loaded() {
        var current = loaded;
        var now = now();
        if (current == null || !now.isBefore(current.at().plus(RELOAD))) {
            current = load(now);
            loaded = current;
        }
        return current;
    }

    private synchronized Loaded load(Instant now) {
        var stored = keys.publishedSince(now.minus(SsoSettings.LONGEST_TOKEN));
        if (stored.stream().noneMatch(key -> !key.useFrom().isAfter(now))) {
            // the very first start: a key that signs at once
            var first = generate();
            keys.add(first.getKeyID(), seal(first), now, now);
            stored = keys.publishedSince(now.minus(SsoSettings.LONGEST_TOKEN));
        }
        var published = stored.stream().map(key -> open(key.sealedJwk())).toList();
        var signing = stored.stream()
                .filter(key -> !key.useFrom().isAfter(now))
                .findFirst()
                .map(key -> open(key.sealedJwk()))
                .orElseThrow();
        return new Loaded(published, signing, now);
    }

    /**
     * Once an hour, on one node: publishes the next key when the one that signs is due to be replaced, retires the
     * keys a newer one replaced, and forgets those retired for longer than any token lives.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
    @SchedulerLock(name = JOB, lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    void rotateWhenDue() {
        rotate(false);
    }

    /**
     * Publishes the next key if none is waiting and the current one has signed long enough; with {@code now}, a key
     * that signs at once (an operator's rotation after a suspected leak, and the tests). Returns the new key's id.
     */
    @Nullable
    public String rotate(boolean now) {
        var at = now();
        var stored = keys.publishedSince(at.minus(SsoSettings.LONGEST_TOKEN));
        String added = null;
        var newest = stored.isEmpty() ? null : stored.getFirst();
        if (now) {
            var key = generate();
            added = key.getKeyID();
            keys.add(added, seal(key), at, at);
        } else if (newest == null
                || (!newest.useFrom().isAfter(at)
                        && !at.isBefore(
                                newest.useFrom().plus(settings.keyRotation()).minus(settings.keyPublication())))) {
            var key = generate();
            added = key.getKeyID();
            keys.add(added, seal(key), at, newest == null ? at : at.plus(settings.keyPublication()));
        }
        var retired = keys.retireReplaced(at);
        var forgotten = keys.deleteRetiredBefore(at.minus(SsoSettings.LONGEST_TOKEN));
        if (added != null || retired > 0 || forgotten > 0) {
            LOG.info(
                    "Single sign-on keys: {} published, {} retired, {} forgotten",
                    added == null ? "none" : added,
                    retired,
                    forgotten);
        }
        loaded = load(at);
        return added;
    }

    /** Now, to the millisecond: as the database keeps it, so that a key stored now is in use now. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("No RSA key could be made", e);
        }
    }

    private String seal(RSAKey key) {
        return box.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8));
    }

    private RSAKey open(String sealed) {
        try {
            return RSAKey.parse(new String(box.open(sealed), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key could not be read", e);
        }
    }
}

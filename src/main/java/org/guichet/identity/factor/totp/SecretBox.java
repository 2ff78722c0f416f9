package org.guichet.identity.factor.totp;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.guichet.identity.IdentitySettings;
import org.guichet.platform.Digests;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator-app keys at rest with AES-256-GCM (Spring Security Crypto), under the configured key. Each
 * sealed value names the key it was sealed with ({@code k1a2b3c4d:…}), so that keys can be rotated: the former ones
 * stay readable when listed in {@code guichet.identity.totp.previous-keys}.
 */
@Component
class SecretBox {

    private final String currentId;
    private final Map<String, BytesEncryptor> keys = new LinkedHashMap<>();

    SecretBox(IdentitySettings settings) {
        var totp = settings.totp();
        currentId = add(totp.encryptionKey());
        totp.previousKeys().forEach(this::add);
    }

    private static final String HOW = "The key that encrypts authenticator-app keys at rest "
            + "(guichet.identity.totp.encryption-key, or the environment variable GUICHET_TOTP_KEY) ";

    private String add(String base64Key) {
        if (base64Key.contains("${")) {
            throw new IllegalStateException(HOW + "is not set: generate one with `openssl rand -base64 32`");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(HOW + "must be base64: generate one with `openssl rand -base64 32`");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    HOW + "must be 32 bytes, base64-encoded: generate one with `openssl rand -base64 32`");
        }
        var id = "k" + Digests.sha256Hex(base64Key.strip()).substring(0, 8);
        keys.put(
                id,
                new AesBytesEncryptor(
                        new SecretKeySpec(key, "AES"),
                        KeyGenerators.secureRandom(12),
                        AesBytesEncryptor.CipherAlgorithm.GCM));
        return id;
    }

    String seal(byte[] secret) {
        return currentId + ":"
                + Base64.getEncoder().encodeToString(keys.get(currentId).encrypt(secret));
    }

    byte[] open(String sealed) {
        var colon = sealed.indexOf(':');
        var encryptor = colon > 0 ? keys.get(sealed.substring(0, colon)) : null;
        if (encryptor == null) {
            throw new IllegalStateException("A key was sealed with an encryption key that is no longer configured");
        }
        return encryptor.decrypt(Base64.getDecoder().decode(sealed.substring(colon + 1)));
    }
}

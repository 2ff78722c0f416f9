package org.guichet.platform;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Encrypts secrets at rest with AES-256-GCM (Spring Security Crypto), under a key from configuration. Each sealed
 * value names the key it was sealed with ({@code k1a2b3c4d:…}), so that keys can be rotated: the former ones stay
 * readable while they are listed as previous keys. Authenticator-app keys and the single sign-on's signing keys are
 * each sealed in their own box.
 */
public final class SecretBox {

    private final String currentId;
    private final Map<String, BytesEncryptor> keys = new LinkedHashMap<>();
    private final String how;

    /**
     * @param setting the setting that holds the key, as operators know it ({@code guichet.identity.totp.encryption-key,
     *     or the environment variable GUICHET_TOTP_KEY}), named in start-up refusals
     * @param current the key that seals (base64 of 32 bytes)
     * @param previous former keys, still read but never written
     */
    public SecretBox(String setting, String current, List<String> previous) {
        this.how = "The key that encrypts at rest (" + setting + ") ";
        currentId = add(current);
        previous.forEach(this::add);
    }

    private String add(String base64Key) {
        if (base64Key.contains("${")) {
            throw new IllegalStateException(how + "is not set: generate one with `openssl rand -base64 32`");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(how + "must be base64: generate one with `openssl rand -base64 32`");
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    how + "must be 32 bytes, base64-encoded: generate one with `openssl rand -base64 32`");
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

    public String seal(byte[] secret) {
        return currentId + ":"
                + Base64.getEncoder().encodeToString(keys.get(currentId).encrypt(secret));
    }

    public byte[] open(String sealed) {
        var colon = sealed.indexOf(':');
        var encryptor = colon > 0 ? keys.get(sealed.substring(0, colon)) : null;
        if (encryptor == null) {
            throw new IllegalStateException("A secret was sealed with an encryption key that is no longer configured");
        }
        return encryptor.decrypt(Base64.getDecoder().decode(sealed.substring(colon + 1)));
    }
}

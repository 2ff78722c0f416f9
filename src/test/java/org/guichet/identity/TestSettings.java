package org.guichet.identity;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The identity settings' defaults, bound as Spring Boot binds them (so unit tests use the real defaults), for unit
 * tests that build components by hand. The two settings without a default get test values.
 */
public final class TestSettings {

    /** An encryption key for authenticator-app keys, only for tests. */
    public static final String TOTP_KEY = "dGVzdC1rZXktMzItYnl0ZXMtbG9uZy4uLi4uLi4uLi4=";

    private TestSettings() {}

    public static IdentitySettings defaults() {
        return defaults(Map.of());
    }

    /** The defaults, with these properties (under {@code guichet.identity}) changed. */
    public static IdentitySettings defaults(Map<String, String> overrides) {
        var properties = new java.util.HashMap<String, String>();
        properties.put("guichet.identity.totp.encryption-key", TOTP_KEY);
        properties.put("guichet.identity.passkeys.origins", "http://localhost:8080");
        overrides.forEach((name, value) -> properties.put("guichet.identity." + name, value));
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("guichet.identity", IdentitySettings.class)
                .get();
    }
}

package org.guichet.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second factors an agent may enrol, strongest first (as ANSSI ranks them: FIDO2 passkeys above one-time codes).
 * Each has the Spring Security factor authority a session gains when the agent uses it, and its provider in {@code
 * identity.factor.<kind>}.
 */
public enum FactorType {
    PASSKEY(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, true),
    TOTP("FACTOR_TOTP", true),
    SMS("FACTOR_SMS", true),
    /** Stands in for a lost factor: it signs in, but does not count as a factor to sign in with, and has no name. */
    RECOVERY_CODE("FACTOR_RECOVERY_CODE", false);

    private final String authority;
    private final boolean signsIn;

    FactorType(String authority, boolean signsIn) {
        this.authority = authority;
        this.signsIn = signsIn;
    }

    /**
     * Whether a factor of this kind counts as one the agent signs in with (see {@code identity.factor.FactorPolicy});
     * such factors are the ones agents name and rename.
     */
    public boolean signsIn() {
        return signsIn;
    }

    /** The authority ({@code FACTOR_…}) a session holds once the agent used this factor. */
    public String authority() {
        return authority;
    }

    /** The form in a URL: {@code passkey}, {@code totp}, {@code sms}, {@code recovery-code}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<FactorType> ofSlug(@Nullable String slug) {
        return Arrays.stream(values()).filter(type -> type.slug().equals(slug)).findFirst();
    }

    public static Optional<FactorType> ofAuthority(String authority) {
        return Arrays.stream(values())
                .filter(type -> type.authority.equals(authority))
                .findFirst();
    }

    /** How strongly this authentication was signed in: {@code MFA} once it was given any second factor. */
    public static Assurance assurance(@Nullable Authentication authentication) {
        return usedIn(authentication).isEmpty() ? Assurance.PASSWORD : Assurance.MFA;
    }

    /** The second factors this authentication was given. */
    public static Set<FactorType> usedIn(@Nullable Authentication authentication) {
        var used = EnumSet.noneOf(FactorType.class);
        if (authentication != null) {
            authentication
                    .getAuthorities()
                    .forEach(granted ->
                            ofAuthority(String.valueOf(granted.getAuthority())).ifPresent(used::add));
        }
        return used;
    }
}

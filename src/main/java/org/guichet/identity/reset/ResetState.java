package org.guichet.identity.reset;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import org.guichet.platform.DeliveryChannel;
import org.jspecify.annotations.Nullable;

/**
 * Where one person is in the reset flow, kept in their HTTP session. It looks the same whether the identifier names
 * an agent or not; only {@link #soi} (never shown) tells.
 */
public final class ResetState implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Stage {
        IDENTIFIED,
        CODE_SENT,
        VERIFIED
    }

    private final String identifier;
    private final @Nullable String soi;
    private final String emailShown;
    private final @Nullable String mobileShown;
    private Stage stage = Stage.IDENTIFIED;
    private @Nullable DeliveryChannel channel;
    private @Nullable String codeId;
    private int standInAttempts;
    private @Nullable Instant verifiedAt;
    private boolean secondFactorNeeded;
    private boolean secondFactorPassed;

    ResetState(String identifier, @Nullable String soi, String emailShown, @Nullable String mobileShown) {
        this.identifier = identifier;
        this.soi = soi;
        this.emailShown = emailShown;
        this.mobileShown = mobileShown;
    }

    public Stage stage() {
        return stage;
    }

    public String emailShown() {
        return emailShown;
    }

    public @Nullable String mobileShown() {
        return mobileShown;
    }

    public @Nullable DeliveryChannel channel() {
        return channel;
    }

    /** Where the code went, masked. */
    public String destinationShown() {
        return channel == DeliveryChannel.SMS && mobileShown != null ? mobileShown : emailShown;
    }

    String identifier() {
        return identifier;
    }

    @Nullable
    String soi() {
        return soi;
    }

    @Nullable
    String codeId() {
        return codeId;
    }

    void codeSent(DeliveryChannel channel, @Nullable String codeId) {
        this.stage = Stage.CODE_SENT;
        this.channel = channel;
        this.codeId = codeId;
        this.standInAttempts = 0;
    }

    int countStandInAttempt() {
        return ++standInAttempts;
    }

    void verified(Instant at, boolean secondFactorNeeded) {
        this.stage = Stage.VERIFIED;
        this.verifiedAt = at;
        this.secondFactorNeeded = secondFactorNeeded;
    }

    /** Whether the code was right but the agent's second factor is still owed (a reset never bypasses it). */
    public boolean awaitingSecondFactor() {
        return stage == Stage.VERIFIED && secondFactorNeeded && !secondFactorPassed;
    }

    void secondFactorPassed() {
        this.secondFactorPassed = true;
    }

    @Nullable
    Instant verifiedAt() {
        return verifiedAt;
    }
}

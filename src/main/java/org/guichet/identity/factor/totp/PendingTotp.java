package org.guichet.identity.factor.totp;

import java.io.Serial;
import java.io.Serializable;

/**
 * An authenticator app being enrolled, kept in the agent's session until they type its first code. The key is
 * sealed here too: sessions are stored in the database.
 */
public record PendingTotp(String sealedSecret, String algorithm, int digits, int periodSeconds)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}

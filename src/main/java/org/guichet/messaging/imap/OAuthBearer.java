package org.guichet.messaging.imap;

import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslClientFactory;
import javax.security.sasl.SaslException;
import org.jspecify.annotations.Nullable;

/**
 * The SASL mechanism {@code OAUTHBEARER} (RFC 7628) for Jakarta Mail, which has {@code XOAUTH2} built in but not the
 * standard one: Angus Mail finds SASL mechanisms among the JCA providers ({@code mail.imap.sasl.enable}), where {@link
 * #register()} adds this one, as Angus does for its own {@code XOAUTH2}. The client sends the user and the token in one
 * message ({@code n,a=user,^Aauth=Bearer token^A^A}); a refusal comes back as a challenge (the server's JSON error),
 * answered with {@code ^A} as the RFC asks, after which the server ends the exchange with its refusal.
 */
public final class OAuthBearer {

    public static final String MECHANISM = "OAUTHBEARER";

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private OAuthBearer() {}

    /** Makes the mechanism known to {@code javax.security.sasl.Sasl} (once; later calls do nothing). */
    public static void register() {
        if (REGISTERED.compareAndSet(false, true)) {
            Security.addProvider(new Provider());
        }
    }

    /** The JCA provider that names the factory. */
    static final class Provider extends java.security.Provider {

        private static final long serialVersionUID = 1L;

        Provider() {
            super("Guichet-OAUTHBEARER", "1.0", "SASL OAUTHBEARER (RFC 7628) client");
            put("SaslClientFactory." + MECHANISM, Factory.class.getName());
        }
    }

    /** Makes clients for {@code OAUTHBEARER}, none for any other mechanism. */
    public static final class Factory implements SaslClientFactory {

        public Factory() {
            // made by the JCA from the provider's name for it
        }

        @Override
        public @Nullable SaslClient createSaslClient(
                String[] mechanisms,
                @Nullable String authorizationId,
                String protocol,
                String serverName,
                @Nullable Map<String, ?> props,
                @Nullable CallbackHandler callbacks) {
            for (var mechanism : mechanisms) {
                if (MECHANISM.equals(mechanism) && callbacks != null) {
                    return new Client(callbacks);
                }
            }
            return null;
        }

        @Override
        public String[] getMechanismNames(@Nullable Map<String, ?> props) {
            return new String[] {MECHANISM};
        }
    }

    /** One exchange: the initial response, then {@code ^A} to a refusal. */
    static final class Client implements SaslClient {

        private final CallbackHandler callbacks;
        private boolean sent;
        private boolean complete;

        Client(CallbackHandler callbacks) {
            this.callbacks = callbacks;
        }

        @Override
        public String getMechanismName() {
            return MECHANISM;
        }

        @Override
        public boolean hasInitialResponse() {
            return true;
        }

        @Override
        public byte[] evaluateChallenge(byte[] challenge) throws SaslException {
            if (sent) {
                // the server's refusal (a JSON error): a single ^A lets it end the exchange with its "NO"
                complete = true;
                return new byte[] {1};
            }
            var name = new NameCallback("user");
            var password = new PasswordCallback("token", false);
            try {
                callbacks.handle(new Callback[] {name, password});
            } catch (java.io.IOException | UnsupportedCallbackException unanswered) {
                throw new SaslException("OAUTHBEARER needs the user and the token", unanswered);
            }
            var user = name.getName();
            var token = password.getPassword();
            if (user == null || token == null) {
                throw new SaslException("OAUTHBEARER needs the user and the token");
            }
            sent = true;
            // RFC 5801's saslname: ',' and '=' escaped in the authorization identity
            var saslName = user.replace("=", "=3D").replace(",", "=2C");
            var message = "n,a=" + saslName + ",\u0001auth=Bearer " + new String(token) + "\u0001\u0001";
            password.clearPassword();
            return message.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean isComplete() {
            return complete || sent;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int len) throws SaslException {
            throw new IllegalStateException("OAUTHBEARER protects nothing");
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int len) throws SaslException {
            throw new IllegalStateException("OAUTHBEARER protects nothing");
        }

        @Override
        public @Nullable Object getNegotiatedProperty(String name) {
            return null;
        }

        @Override
        public void dispose() {
            // nothing kept
        }
    }
}

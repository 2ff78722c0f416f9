package org.guichet.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The back-channel logout endpoint of a relying party, on a port of its own: it checks each logout token as the
 * specification says (signature against Guichet's published keys, issuer, audience, the back-channel logout event,
 * a {@code sid}, no {@code nonce}, type {@code logout+jwt}) with the Nimbus SDK, answers 200 to a valid one and 400
 * to anything else, and keeps the valid ones' claims. It can be told to fail its first answers (503).
 */
final class LogoutReceiver implements AutoCloseable {

    final List<LogoutTokenClaimsSet> received = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGo = new AtomicInteger();
    private final HttpServer server;

    LogoutReceiver(String guichet, String clientId) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var validator = new LogoutTokenValidator(
                new Issuer(guichet),
                new ClientID(clientId),
                JWSAlgorithm.RS256,
                URI.create(guichet + "/oauth2/jwks").toURL());
        server.createContext("/backchannel", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            if (failuresToGo.getAndDecrement() > 0) {
                status = 503;
            } else {
                try {
                    var token = URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8);
                    var jwt = SignedJWT.parse(token);
                    if (!"logout+jwt".equals(String.valueOf(jwt.getHeader().getType()))) {
                        throw new IllegalArgumentException(
                                "type " + jwt.getHeader().getType());
                    }
                    var claims = validator.validate(jwt);
                    if (claims.getSessionID() == null) {
                        throw new IllegalArgumentException("no sid");
                    }
                    received.add(claims);
                    status = 200;
                } catch (Exception e) {
                    refused.add(e.toString());
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel";
    }

    /** The sessions (sid) this application was told have ended. */
    List<String> endedSessions() {
        return received.stream().map(claims -> claims.getSessionID().getValue()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.guichet.sso.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.TreeMap;
import org.guichet.access.AccessDenial;
import org.guichet.access.Remedy;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.access.ServiceOpening;
import org.guichet.directory.AgentId;
import org.guichet.identity.Assurance;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.network.ClientConnections;
import org.guichet.platform.Digests;
import org.guichet.session.ServiceAccess;
import org.guichet.session.SessionKeys;
import org.guichet.session.SignedInPages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What comes before Spring's authorization endpoint issues a code to a signed-in agent: the steps of the sign-in
 * (second factor of the channel, new password, charter), as on Guichet's own pages; a new proof of identity when the
 * application asks for one ({@code prompt=login}, {@code max_age}) or for a second factor ({@code acr_values}); and
 * the access policy's decision for the application's service, refused with Guichet's explanation page, never with an
 * error sent to the application. A request Spring refuses anyway (unknown client, unregistered redirect URI) is left
 * to it, so that it gets the error the specification names.
 *
 * <p>Spring keeps the agent's authentication with each authorization, in the database: it is given a plain one (the
 * SOI and the factors used, with their times), so that what is stored is only that.
 */
public class AuthorizationGate extends OncePerRequestFilter {

    /** The request attribute that ties the authorization Spring saves next to this session ({@link Granted}). */
    static final String GRANTED = AuthorizationGate.class.getName() + ".granted";

    /** The session attribute of a new proof of identity asked for ({@link Reauthentication}). */
    private static final String REAUTHENTICATION = AuthorizationGate.class.getName() + ".reauthentication";

    private static final String CONFIRM = "/sign-in/confirm";

    private final RequestMatcher endpoint;
    private final RegisteredClientRepository clients;
    private final ServiceCatalogue catalogue;
    private final ServiceAccess access;
    private final SignedInPages pages;
    private final ClientConnections connections;
    private final LocaleResolver locales;
    private final Clock clock;

    AuthorizationGate(
            String endpoint,
            RegisteredClientRepository clients,
            ServiceCatalogue catalogue,
            ServiceAccess access,
            SignedInPages pages,
            ClientConnections connections,
            LocaleResolver locales,
            Clock clock) {
        this.endpoint = PathPatternRequestMatcher.withDefaults().matcher(endpoint);
        this.clients = clients;
        this.catalogue = catalogue;
        this.access = access;
        this.pages = pages;
        this.connections = connections;
        this.locales = locales;
        this.clock = clock;
    }

    /** What an authorization is given from: the session's key, the agent, the application, the channel. */
    record Granted(String sid, AgentId agent, String clientId, String application, ClientConnection connection) {}

    /** A new proof of identity asked for this authorization request (its digest), at this time. */
    record Reauthentication(String request, Instant askedAt) implements Serializable {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoint.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var client = client(request);
        if (signedIn() == null && client != null && silent(request)) {
            // signed out, and no page may be shown: the application is told to sign the agent in visibly
            response.sendRedirect(error(request, client, "login_required"));
            return;
        }
        if (signedIn() == null || client == null) {
            // signed out: Spring sends the agent to the login page and back; an invalid request gets its error
            chain.doFilter(request, response);
            return;
        }
        // without interaction (prompt=none), anything that would show a page goes back to the application as an error
        var answer = silent(request) ? new Silent(response, request, client) : response;
        pages.signInSteps()
                .doFilter(
                        request,
                        answer,
                        (stepsDone, sameResponse) -> decide(
                                (HttpServletRequest) stepsDone, (HttpServletResponse) sameResponse, chain, client));
    }

    private static boolean silent(HttpServletRequest request) {
        var prompt = request.getParameter("prompt");
        return prompt != null && Arrays.asList(prompt.split(" ")).contains("none");
    }

    /**
     * The answer to an authorization asked without interaction ({@code prompt=none}): a redirect to one of Guichet's
     * pages (a sign-in step, a new proof) becomes {@code interaction_required} sent back to the application, with its
     * state (OpenID Connect Core, 3.1.2.6), or {@code login_required} when the session ended on the way; the way back
     * with a code goes through unchanged.
     */
    private static final class Silent extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final RegisteredClient client;

        Silent(HttpServletResponse response, HttpServletRequest request, RegisteredClient client) {
            super(response);
            this.request = request;
            this.client = client;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            var context = request.getContextPath();
            if (location.startsWith(context + "/") && !location.startsWith("//")) {
                // the session ended on the way (its absolute lifetime): a new sign-in, not a step, is what it takes
                super.sendRedirect(
                        error(request, client, signedIn() == null ? "login_required" : "interaction_required"));
                return;
            }
            super.sendRedirect(location);
        }
    }

    /** The application's redirect URI with this error and the request's state. */
    static String error(HttpServletRequest request, RegisteredClient client, String code) {
        var redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
        var target = redirectUri != null
                ? redirectUri
                : client.getRedirectUris().iterator().next();
        var answer = org.springframework.web.util.UriComponentsBuilder.fromUriString(target)
                .queryParam(OAuth2ParameterNames.ERROR, code);
        var state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state != null) {
            answer.queryParam(OAuth2ParameterNames.STATE, "{state}");
            return answer.encode().buildAndExpand(state).toUriString();
        }
        return answer.encode().build().toUriString();
    }

    private void decide(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, RegisteredClient client)
            throws IOException, ServletException {
        var authentication = signedIn();
        var serviceId = ClientSettingNames.service(client);
        var service = serviceId == null ? null : catalogue.find(serviceId).orElse(null);
        if (authentication == null || service == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (reauthenticationDue(request, authentication)) {
            response.sendRedirect(confirmation(request));
            return;
        }
        var asked = secondFactorAsked(request) ? mfaEverywhere(service) : service;
        var locale = locales.resolveLocale(request);
        var decision = access.evaluate(asked, authentication, request, locale);
        if (!decision.allowed()) {
            var remedy = decision.decision().remedy();
            if (decision.decision().denial() == AccessDenial.MFA_REQUIRED
                    && remedy != null
                    && remedy.kind() == Remedy.Kind.CONFIRM_SECOND_FACTOR) {
                response.sendRedirect(confirmation(request));
                return;
            }
            var attempt = access.attempt(asked, authentication, request, locale);
            if (silent(request)) {
                // the application asked for no page: it is told, and a sign-in it shows gets the explanation
                response.sendRedirect(error(request, client, "access_denied"));
                return;
            }
            pages.refuse(request, response, attempt);
            return;
        }
        var agent = AgentId.of(authentication.getName());
        request.setAttribute(
                GRANTED,
                new Granted(
                        SessionKeys.of(request.getSession()),
                        agent,
                        client.getClientId(),
                        client.getClientName(),
                        connections.of(request)));
        var signedIn = SecurityContextHolder.getContext();
        var plain = SecurityContextHolder.createEmptyContext();
        plain.setAuthentication(plain(authentication));
        SecurityContextHolder.setContext(plain);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    /** The client the request names, when Spring will accept the request's client and redirect URI. */
    private @Nullable RegisteredClient client(HttpServletRequest request) {
        var clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        var client = clientId == null ? null : clients.findByClientId(clientId);
        if (client == null
                || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
            return null;
        }
        var redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
        return redirectUri == null
                        || client.getRedirectUris().contains(redirectUri)
                        || loopbackOnAnyPort(client, redirectUri)
                ? client
                : null;
    }

    /**
     * A native app's loopback redirect on the port it chose (RFC 8252 §7.3), which Spring accepts for a registered
     * loopback redirect that differs only by its port: the gate must decide it too.
     */
    private static boolean loopbackOnAnyPort(RegisteredClient client, String redirectUri) {
        org.springframework.web.util.UriComponents asked;
        try {
            asked = org.springframework.web.util.UriComponentsBuilder.fromUriString(redirectUri)
                    .build();
        } catch (IllegalArgumentException garbled) {
            return false;
        }
        if (!"127.0.0.1".equals(asked.getHost()) && !"[::1]".equals(asked.getHost())) {
            return false;
        }
        return client.getRedirectUris().stream().anyMatch(registered -> {
            try {
                return org.springframework.web.util.UriComponentsBuilder.fromUriString(registered)
                        .port(asked.getPort())
                        .build()
                        .toString()
                        .equals(asked.toString());
            } catch (IllegalArgumentException garbled) {
                return false;
            }
        });
    }

    private static @Nullable Authentication signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                        || authentication instanceof AnonymousAuthenticationToken
                        || !authentication.isAuthenticated()
                        || !AgentId.isSoi(authentication.getName())
                ? null
                : authentication;
    }

    /** The agent's SOI and the factors the session was given, with their times: what Spring stores. */
    static Authentication plain(Authentication authentication) {
        var factors = authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(GrantedAuthority.class::cast)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, factors);
    }

    /** When the agent last proved who they are: the most recent factor used. */
    static @Nullable Instant lastProof(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(granted -> ((FactorGrantedAuthority) granted).getIssuedAt())
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * Whether the application asked for a new proof of identity ({@code prompt=login}, or a sign-in older than
     * {@code max_age} seconds) that the agent has not given since it asked.
     */
    private boolean reauthenticationDue(HttpServletRequest request, Authentication authentication) {
        var prompt = request.getParameter("prompt");
        var promptLogin = prompt != null && Arrays.asList(prompt.split(" ")).contains("login");
        var maxAge = maxAge(request);
        var last = lastProof(authentication);
        var now = clock.instant();
        var stale = last == null || (maxAge != null && now.isAfter(last.plus(maxAge)));
        if (!promptLogin && !stale) {
            return false;
        }
        var digest = digest(request);
        var session = request.getSession();
        if (session.getAttribute(REAUTHENTICATION) instanceof Reauthentication asked
                && asked.request().equals(digest)
                && last != null
                && !last.isBefore(asked.askedAt())) {
            session.removeAttribute(REAUTHENTICATION);
            return false;
        }
        session.setAttribute(REAUTHENTICATION, new Reauthentication(digest, now));
        return true;
    }

    /**
     * The {@code max_age} asked; one that is not a number of seconds asks for a new proof (the application wanted a
     * recent one: it is not ignored).
     */
    private static @Nullable Duration maxAge(HttpServletRequest request) {
        var value = request.getParameter("max_age");
        if (value == null) {
            return null;
        }
        return value.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.ZERO;
    }

    /** Whether the application asked for a sign-in with a second factor ({@code acr_values}). */
    private static boolean secondFactorAsked(HttpServletRequest request) {
        var values = request.getParameter("acr_values");
        return values != null && Arrays.asList(values.split(" ")).contains(Claims.ACR_MFA);
    }

    /** The service as it would be if it asked a second factor on every channel. */
    private static ServiceDefinition mfaEverywhere(ServiceDefinition service) {
        var assurance = new EnumMap<Channel, Assurance>(Channel.class);
        for (var channel : Channel.values()) {
            assurance.put(channel, Assurance.MFA);
        }
        return service.with(new ServiceOpening(service.channels(), assurance, service.closedDepartments()));
    }

    /** The authorization request, whatever the order of its parameters (and without the login page's marker). */
    private static String digest(HttpServletRequest request) {
        var parameters = new TreeMap<String, String[]>(request.getParameterMap());
        parameters.remove("continue");
        var text = new StringBuilder();
        parameters.forEach((name, values) ->
                text.append(name).append('=').append(String.join(",", values)).append('&'));
        return Digests.sha256Hex(text.toString());
    }

    /** The page that asks a factor again, then comes back to this authorization request. */
    private static String confirmation(HttpServletRequest request) {
        var context = request.getContextPath();
        var query = request.getQueryString();
        var back = request.getRequestURI().substring(context.length()) + (query == null ? "" : "?" + query);
        return context + CONFIRM + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }
}

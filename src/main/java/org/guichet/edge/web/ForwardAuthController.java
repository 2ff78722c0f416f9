package org.guichet.edge.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.edge.EdgeSettings;
import org.guichet.edge.OriginalRequest;
import org.guichet.network.ClientConnections;
import org.guichet.session.ServiceAccess;
import org.guichet.session.SignedInPages;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The decision a reverse proxy asks for every request to a published application ({@code GET /auth/forward}, nginx's
 * {@code auth_request}, Caddy's {@code forward_auth}), and the two pages of the portal it sends browsers to: {@code
 * /auth/return} (after signing in, back to the application) and {@code /auth/refused} (why it is closed from here).
 *
 * <p>The decision answers only {@code 200}, {@code 401} or {@code 403}: a proxy turns anything else into an error of
 * its own. {@code 401} carries {@code X-Guichet-Login} and {@code 403} {@code X-Guichet-Refused}, the portal's
 * addresses the proxy redirects the browser to; {@code 200} carries the agent's identity for the application.
 */
@Controller
@ConditionalOnWebApplication
class ForwardAuthController {

    static final String FORWARD = "/auth/forward";
    static final String RETURN = "/auth/return";
    static final String REFUSED = "/auth/refused";

    private final ClientConnections connections;
    private final ServiceCatalogue catalogue;
    private final ServiceAccess access;
    private final SignedInPages pages;
    private final DirectoryManagement directory;
    private final JwtEncoder encoder;
    private final EdgeSettings settings;
    private final Clock clock;
    private final Decisions decisions;
    private final Questions questions;

    ForwardAuthController(
            ClientConnections connections,
            ServiceCatalogue catalogue,
            ServiceAccess access,
            SignedInPages pages,
            DirectoryManagement directory,
            JwtEncoder encoder,
            EdgeSettings settings,
            Clock clock,
            Decisions decisions,
            Questions questions) {
        this.connections = connections;
        this.catalogue = catalogue;
        this.access = access;
        this.pages = pages;
        this.directory = directory;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
        this.decisions = decisions;
        this.questions = questions;
    }

    @GetMapping(FORWARD)
    void forward(HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException, ServletException {
        var started = System.nanoTime();
        // a decision kept for this question was answered before the session was read (KeptAnswers)
        var question = questions.of(request);
        if (question.isEmpty()) {
            new Decisions.Answer(HttpServletResponse.SC_FORBIDDEN, Map.of("X-Guichet-Refused", portal(REFUSED)), null)
                    .writeTo(response);
            decisions.count("none", Decisions.Outcome.NOT_PUBLISHED, false, started);
            return;
        }
        var asked = question.get();
        var answer = decide(asked.original(), asked.service(), request, response, locale);
        decisions.keep(asked.key(), answer);
        answer.writeTo(response);
        decisions.count(asked.service().id(), Decisions.outcome(answer), false, started);
    }

    private Decisions.Answer decide(
            OriginalRequest original,
            ServiceDefinition service,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException, ServletException {
        var authentication = signedIn();
        if (authentication == null || !signInDone(request, response)) {
            var login = UriComponentsBuilder.fromUriString(portal(RETURN))
                    .queryParam("to", "{to}")
                    .encode()
                    .buildAndExpand(original.url())
                    .toUriString();
            return new Decisions.Answer(HttpServletResponse.SC_UNAUTHORIZED, Map.of("X-Guichet-Login", login), null);
        }
        var agent = AgentId.of(authentication.getName());
        var view = access.attempt(service, authentication, request, locale);
        if (!view.allowed()) {
            var refused = UriComponentsBuilder.fromUriString(portal(REFUSED))
                    .queryParam("service", service.id())
                    .queryParam("reference", view.reference())
                    .toUriString();
            return new Decisions.Answer(HttpServletResponse.SC_FORBIDDEN, Map.of("X-Guichet-Refused", refused), agent);
        }
        return new Decisions.Answer(HttpServletResponse.SC_OK, identity(agent, service, request), agent);
    }

    private static @Nullable Authentication signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                        || authentication instanceof AnonymousAuthenticationToken
                        || !authentication.isAuthenticated()
                ? null
                : authentication;
    }

    /**
     * Whether the session has lived less than its lifetime and every step of the sign-in is done, as Guichet's pages
     * check it: where they would send the browser to a step, the proxy is told to sign in (the portal leads on).
     */
    private boolean signInDone(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var done = new boolean[1];
        var silent = new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) {}

            @Override
            public void sendError(int status) {}

            @Override
            public void sendError(int status, String message) {}
        };
        pages.signInSteps().doFilter(request, silent, (stepsDone, sameResponse) -> done[0] = true);
        return done[0];
    }

    /**
     * The agent for the application, in the headers of the ecosystem ({@code Remote-User}, {@code Remote-Name}, {@code
     * Remote-Email}, {@code Remote-Groups}) and Guichet's own, with a signed assertion of the same for applications
     * that verify it against {@code /oauth2/jwks}.
     */
    private Map<String, String> identity(AgentId id, ServiceDefinition service, HttpServletRequest request) {
        var agent = directory
                .findById(id)
                .orElseThrow(() -> new IllegalStateException("a signed-in agent is in the directory"));
        var channel = connections.of(request).channel();
        var roles = agent.roles().stream().map(Role::name).sorted().toList();
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(settings.portalUrl())
                .subject(agent.id().soi())
                .audience(List.of(service.id()))
                .issuedAt(now)
                .expiresAt(now.plus(settings.assertionLifetime()))
                .id(UUID.randomUUID().toString())
                .claim("preferred_username", agent.login())
                .claim("name", agent.displayName())
                .claim("email", agent.email())
                .claim("department", agent.departmentCode())
                .claim("roles", roles)
                .claim("channel", channel.name())
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        return Map.of(
                "Remote-User", agent.login(),
                "Remote-Name", agent.displayName(),
                "Remote-Email", agent.email(),
                "Remote-Groups", String.join(",", roles),
                "X-Guichet-Soi", agent.id().soi(),
                "X-Guichet-Channel", channel.name(),
                "X-Guichet-Assertion",
                        encoder.encode(JwtEncoderParameters.from(header, claims))
                                .getTokenValue());
    }

    private String portal(String path) {
        return settings.portalUrl() + path;
    }

    /**
     * After signing in (Spring brings the browser back here), back to the application it came from: only an address
     * of a published application, never another site.
     */
    @GetMapping(RETURN)
    String returnTo(@RequestParam(defaultValue = "") String to) {
        return OriginalRequest.of(name -> name.equals("X-Original-URL") ? to : null)
                .filter(original -> questions.published(original).isPresent())
                .map(original -> "redirect:" + original.url())
                .orElse("redirect:/");
    }

    /**
     * Why a published application is closed to this agent from here, with the remedy, and the reference the decision
     * was journaled with; once it is open (the remedy done), on to the service.
     */
    @GetMapping(REFUSED)
    @Nullable
    ModelAndView refused(
            @RequestParam(defaultValue = "") String service,
            @RequestParam(defaultValue = "") String reference,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException, ServletException {
        var authentication = signedIn();
        var found = catalogue.find(service);
        if (found.isEmpty() || authentication == null) {
            var page = new ModelAndView("edge/not-published");
            page.setStatus(org.springframework.http.HttpStatus.FORBIDDEN);
            return page;
        }
        var view = access.evaluate(found.get(), authentication, request, locale);
        if (view.allowed()) {
            return new ModelAndView("redirect:/services/" + found.get().id());
        }
        pages.refuse(
                request,
                response,
                new ServiceAccess.View(
                        view.service(),
                        view.decision(),
                        view.explanation(),
                        reference.matches("[0-9A-F]{10}") ? reference : null));
        // the page is written: nothing more to render
        return null;
    }
}

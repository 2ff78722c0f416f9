package org.guichet.session.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.guichet.network.ClientConnections;
import org.guichet.session.ServiceAccess;
import org.guichet.session.flow.SignInFlow;
import org.guichet.session.flow.SignInStepFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's navigation of every page: none while a sign-in is incomplete (its links would only lead back to the
 * step), then the services open to the agent from where they are (the same decisions as the home page's tiles) and
 * the back offices of their roles. Worked out only when a page draws it.
 */
@ConditionalOnWebApplication
@ControllerAdvice(annotations = Controller.class)
class SiteNavigation {

    /** A link of the navigation: where it leads and the message key of its label. */
    record Link(String href, String label) {}

    /**
     * The navigation's entries, in order; {@code service} is the catalogue's id whose decision opens the entry (none:
     * always open), {@code role} the role it also needs.
     */
    private record Entry(
            String href,
            String label,
            @Nullable String service,
            @Nullable String role) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("/", "layout.nav.home", null, null),
            new Entry("/account", "layout.nav.account", null, null),
            new Entry("/payslips", "layout.nav.payslips", "payslips", null),
            new Entry("/leave", "layout.nav.leave", "leave", null),
            new Entry("/schedule", "layout.nav.schedule", "schedule", null),
            new Entry("/requests", "layout.nav.requests", "requests", null),
            new Entry("/remote-access", "layout.nav.remoteAccess", null, null),
            new Entry("/approvals", "layout.nav.approvals", null, "MANAGER"),
            new Entry("/hr", "layout.nav.hr", "hr-back-office", "HR"),
            new Entry("/support", "layout.nav.helpdesk", "helpdesk", "SUPPORT"),
            new Entry("/security/journal", "layout.nav.journal", "security", "SECURITY"),
            new Entry("/admin", "layout.nav.admin", "administration", "ADMIN"));

    private final ServiceAccess access;
    private final SignInFlow flow;
    private final ClientConnections connections;

    SiteNavigation(ServiceAccess access, SignInFlow flow, ClientConnections connections) {
        this.access = access;
        this.flow = flow;
        this.connections = connections;
    }

    /** What the header shows of the signed-in agent: nothing of it for a visitor. */
    public static final class Header {

        private final Supplier<Boolean> complete;
        private final Supplier<List<Link>> links;

        Header(Supplier<Boolean> complete, Supplier<List<Link>> links) {
            this.complete = SingletonSupplier.of(complete);
            this.links = SingletonSupplier.of(links);
        }

        /** Whether the sign-in is done: only then do the navigation and the bell show. */
        public boolean isComplete() {
            return complete.get();
        }

        /** The links open to the agent from here; empty while the sign-in is incomplete. */
        public List<Link> getLinks() {
            return isComplete() ? links.get() : List.of();
        }
    }

    @ModelAttribute("navigation")
    @Nullable
    Header navigation(@Nullable Authentication authentication, HttpServletRequest request, Locale locale) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return new Header(
                () -> SignInStepFilter.signInDone(request)
                        .orElseGet(() -> flow.pending(
                                        authentication, connections.of(request).channel())
                                .isEmpty()),
                () -> links(authentication, request, locale));
    }

    private List<Link> links(Authentication authentication, HttpServletRequest request, Locale locale) {
        Map<String, Boolean> open = access.all(authentication, request, locale).stream()
                .collect(Collectors.toMap(view -> view.service().id(), ServiceAccess.View::allowed, (a, b) -> a));
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return ENTRIES.stream()
                .filter(entry -> entry.role() == null || roles.contains("ROLE_" + entry.role()))
                .filter(entry -> entry.service() == null || open.getOrDefault(entry.service(), true))
                .map(entry -> new Link(entry.href(), entry.label()))
                .toList();
    }
}

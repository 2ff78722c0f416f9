package org.guichet.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.IdentityManagement;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.guichet.session.ServiceAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The agent's home page: a tile per service, open or closed with its reason and remedy; then their profile. */
@Controller
class HomeController {

    private final DirectoryManagement directory;
    private final IdentityManagement identity;
    private final ServiceAccess services;
    private final ClientConnections connections;
    private final HomeNews news;

    HomeController(
            DirectoryManagement directory,
            IdentityManagement identity,
            ServiceAccess services,
            ClientConnections connections,
            HomeNews news) {
        this.news = news;
        this.directory = directory;
        this.identity = identity;
        this.services = services;
        this.connections = connections;
    }

    @GetMapping("/")
    String showHome(Authentication principal, HttpServletRequest request, Locale locale, Model model) {
        var views = services.all(principal, request, locale);
        model.addAttribute("services", views);
        model.addAttribute("news", news.of(AgentId.of(principal.getName()), views));
        model.addAttribute("channel", connections.of(request).channel());
        var agent = directory
                .findById(AgentId.of(principal.getName()))
                .orElseThrow(() -> new GuichetException(PlatformError.UNAUTHENTICATED));
        model.addAttribute("agent", agent);
        model.addAttribute("password", identity.passwordStatus(agent.id()));
        model.addAttribute(
                "manager",
                agent.managerId() == null
                        ? null
                        : directory.findById(agent.managerId()).orElse(null));
        return "portal/home";
    }
}

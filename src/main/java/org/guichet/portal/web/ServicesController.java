package org.guichet.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.session.ServiceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The way into each service. {@code /services/{id}} opens it (a redirect to its entry) when the access policy allows
 * it, and otherwise says why and what to do, with a reference for the helpdesk; {@code GET /api/v1/services} gives
 * every service with the same decision as the home page, and {@code GET /api/v1/services/{id}} one service.
 */
@Controller
class ServicesController {

    private final ServiceAccess services;

    ServicesController(ServiceAccess services) {
        this.services = services;
    }

    @GetMapping("/services/{id}")
    String openService(
            @PathVariable String id,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var view = services.attempt(id, authentication, request, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (view.allowed()) {
            return "redirect:" + view.service().entry();
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("view", view);
        return "access/denied";
    }

    @GetMapping("/api/v1/services")
    @ResponseBody
    List<Map<String, Object>> listServices(Authentication authentication, HttpServletRequest request, Locale locale) {
        return services.all(authentication, request, locale).stream()
                .map(view -> view.toJson(locale))
                .toList();
    }

    @GetMapping("/api/v1/services/{id}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> showService(
            @PathVariable String id, Authentication authentication, HttpServletRequest request, Locale locale) {
        return services.all(authentication, request, locale).stream()
                .filter(view -> view.service().id().equals(id))
                .findFirst()
                .map(view -> ResponseEntity.ok(view.toJson(locale)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

package org.guichet.sso.web;

import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guichet.access.ServiceCatalogue;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.sso.Application;
import org.guichet.sso.ApplicationRejected;
import org.guichet.sso.Applications;
import org.guichet.sso.SsoError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applications' page of the administration ({@code /admin/applications}, ADMIN, like the rest of {@code /admin}):
 * the list, registering one (its secret shown once, on the page that follows), disabling and enabling, a new secret,
 * deleting. A wrong form comes back with each field's problem next to it (HTTP 400) and nothing is stored.
 */
@Controller
class ApplicationsController {

    static final String PAGE = "/admin/applications";

    private final Applications applications;
    private final ServiceCatalogue catalogue;

    ApplicationsController(Applications applications, ServiceCatalogue catalogue) {
        this.applications = applications;
        this.catalogue = catalogue;
    }

    /** The registration form as typed, to show again with its problems. */
    record Form(
            String clientId,
            String name,
            String serviceId,
            boolean confidential,
            String redirectUris,
            String backChannelLogoutUri,
            Set<String> scopes) {

        static Form empty() {
            return new Form("", "", "", true, "", "", Set.of("openid", "profile", "email"));
        }

        Application application() {
            return new Application(
                    clientId.strip(),
                    name.strip(),
                    serviceId,
                    confidential,
                    lines(redirectUris),
                    List.of(),
                    scopes,
                    Duration.ofMinutes(5),
                    Duration.ofHours(8),
                    backChannelLogoutUri.isBlank() ? null : backChannelLogoutUri.strip(),
                    true);
        }

        private static List<String> lines(String text) {
            return Arrays.stream(text.split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }

    @GetMapping(PAGE)
    String show(Model model) {
        return page(model, Form.empty(), Map.of());
    }

    @PostMapping(PAGE)
    String register(
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String serviceId,
            @RequestParam(defaultValue = "false") boolean confidential,
            @RequestParam(defaultValue = "") String redirectUris,
            @RequestParam(defaultValue = "") String backChannelLogoutUri,
            @RequestParam(required = false) @Nullable Set<String> scopes,
            Principal principal,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        var scopesAsked = new java.util.TreeSet<String>(scopes == null ? Set.of() : scopes);
        scopesAsked.add("openid");
        var form = new Form(clientId, name, serviceId, confidential, redirectUris, backChannelLogoutUri, scopesAsked);
        try {
            var registered = applications.register(form.application(), AgentId.of(principal.getName()));
            redirect.addFlashAttribute("registered", registered.application().clientId());
            redirect.addFlashAttribute("secret", registered.secret());
            return "redirect:" + PAGE;
        } catch (ApplicationRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var problems = new LinkedHashMap<String, ApplicationRejected.Problem>();
            rejected.problems().forEach(problem -> problems.putIfAbsent(problem.field(), problem));
            return page(model, form, problems);
        } catch (GuichetException exists) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(
                    model,
                    form,
                    Map.of(
                            "clientId",
                            new ApplicationRejected.Problem("clientId", SsoError.APPLICATION_EXISTS.messageKey())));
        }
    }

    @PostMapping(PAGE + "/{clientId}/{change:enable|disable}")
    String enable(
            @PathVariable String clientId,
            @PathVariable String change,
            Principal principal,
            RedirectAttributes redirect) {
        applications.change(found(clientId).withEnabled(change.equals("enable")), AgentId.of(principal.getName()));
        redirect.addFlashAttribute("changed", change);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{clientId}/secret")
    String newSecret(@PathVariable String clientId, Principal principal, RedirectAttributes redirect) {
        found(clientId);
        redirect.addFlashAttribute("registered", clientId);
        redirect.addFlashAttribute("secret", applications.newSecret(clientId, AgentId.of(principal.getName())));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{clientId}/delete")
    String delete(@PathVariable String clientId, Principal principal, RedirectAttributes redirect) {
        found(clientId);
        applications.delete(clientId, AgentId.of(principal.getName()));
        redirect.addFlashAttribute("changed", "delete");
        return "redirect:" + PAGE;
    }

    private Application found(String clientId) {
        return applications.find(clientId).orElseThrow(() -> new GuichetException(SsoError.APPLICATION_NOT_FOUND));
    }

    private String page(Model model, Form form, Map<String, ApplicationRejected.Problem> problems) {
        model.addAttribute("applications", applications.all());
        model.addAttribute("services", catalogue.all());
        model.addAttribute("scopes", List.of("profile", "email", "roles"));
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        return "sso/applications";
    }
}

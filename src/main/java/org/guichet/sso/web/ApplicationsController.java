package org.guichet.sso.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guichet.access.ServiceCatalogue;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.sso.Application;
import org.guichet.sso.ApplicationRejected;
import org.guichet.sso.Applications;
import org.guichet.sso.SsoError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applications' page of the administration ({@code /admin/applications}, ADMIN, like the rest of {@code /admin}):
 * the list, registering one (its secret shown once, on the page that follows), editing one, disabling and enabling, a
 * new secret, deleting. A wrong form comes back with each field's problem next to it (HTTP 400) and nothing is stored.
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

    /**
     * The form as typed, to show again with its problems: addresses one per line, lifetimes in minutes.
     *
     * @param enabled kept as it was when editing (the list's buttons enable and disable)
     */
    record Form(
            String clientId,
            String name,
            String serviceId,
            boolean confidential,
            String redirectUris,
            String postLogoutRedirectUris,
            String backChannelLogoutUri,
            Set<String> scopes,
            String accessTokenLifetime,
            String refreshTokenLifetime,
            boolean enabled) {

        static Form empty() {
            return of(new Application(
                    "",
                    "",
                    "",
                    true,
                    List.of(),
                    List.of(),
                    Applications.USUAL_SCOPES,
                    Applications.USUAL_ACCESS_TOKEN,
                    Applications.USUAL_REFRESH_TOKEN,
                    null,
                    true));
        }

        static Form of(Application application) {
            return new Form(
                    application.clientId(),
                    application.name(),
                    application.serviceId(),
                    application.confidential(),
                    String.join("\n", application.redirectUris()),
                    String.join("\n", application.postLogoutRedirectUris()),
                    application.backChannelLogoutUri() == null ? "" : application.backChannelLogoutUri(),
                    new TreeSet<>(application.scopes()),
                    Long.toString(application.accessTokenLifetime().toMinutes()),
                    Long.toString(application.refreshTokenLifetime().toMinutes()),
                    application.enabled());
        }

        /**
         * The form as posted; what an edit does not change (the identifier, the kind, whether it is enabled) comes
         * from the application.
         */
        static Form posted(
                MultiValueMap<String, String> fields, String clientId, boolean confidential, boolean enabled) {
            Function<String, String> field = name -> {
                var value = fields.getFirst(name);
                return value == null ? "" : value;
            };
            var scopes = new TreeSet<String>(fields.getOrDefault("scopes", List.of()));
            scopes.add("openid");
            return new Form(
                    clientId,
                    field.apply("name"),
                    field.apply("serviceId"),
                    confidential,
                    field.apply("redirectUris"),
                    field.apply("postLogoutRedirectUris"),
                    field.apply("backChannelLogoutUri"),
                    scopes,
                    field.apply("accessTokenLifetime"),
                    field.apply("refreshTokenLifetime"),
                    enabled);
        }

        /**
         * The application this form describes; a lifetime left empty is the usual one, one that is not a number of
         * minutes is refused with the others' problems.
         */
        Application application() {
            return new Application(
                    clientId.strip(),
                    name.strip(),
                    serviceId,
                    confidential,
                    lines(redirectUris),
                    lines(postLogoutRedirectUris),
                    scopes,
                    minutes(accessTokenLifetime, Applications.USUAL_ACCESS_TOKEN),
                    minutes(refreshTokenLifetime, Applications.USUAL_REFRESH_TOKEN),
                    backChannelLogoutUri.isBlank() ? null : backChannelLogoutUri.strip(),
                    enabled);
        }

        /** The minutes typed; none refused, as an application's lifetimes are (a duration of zero). */
        private static Duration minutes(String typed, Duration usual) {
            var digits = typed.strip();
            if (digits.isEmpty()) {
                return usual;
            }
            return digits.matches("[0-9]{1,6}") ? Duration.ofMinutes(Long.parseLong(digits)) : Duration.ZERO;
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
            @RequestParam MultiValueMap<String, String> fields,
            Principal principal,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var typed = fields.getFirst("clientId");
        var form =
                Form.posted(fields, typed == null ? "" : typed, "true".equals(fields.getFirst("confidential")), true);
        try {
            var registered = applications.register(form.application(), AgentId.of(principal.getName()));
            redirect.addFlashAttribute("registered", registered.application().clientId());
            redirect.addFlashAttribute("secret", registered.secret());
            return "redirect:" + PAGE;
        } catch (ApplicationRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, problems(rejected));
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

    @GetMapping(PAGE + "/{clientId}")
    String edit(@PathVariable String clientId, Model model) {
        return editPage(model, Form.of(found(clientId)), Map.of());
    }

    @PostMapping(PAGE + "/{clientId}")
    String change(
            @PathVariable String clientId,
            @RequestParam MultiValueMap<String, String> fields,
            Principal principal,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var before = found(clientId);
        var form = Form.posted(fields, clientId, before.confidential(), before.enabled());
        try {
            applications.change(form.application(), AgentId.of(principal.getName()));
            redirect.addFlashAttribute("changed", "edit");
            return "redirect:" + PAGE + "#application-" + clientId;
        } catch (ApplicationRejected rejected) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editPage(model, form, problems(rejected));
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

    /** The first problem of each field, in the form's order. */
    private static Map<String, ApplicationRejected.Problem> problems(ApplicationRejected rejected) {
        var problems = new LinkedHashMap<String, ApplicationRejected.Problem>();
        rejected.problems().forEach(problem -> problems.putIfAbsent(problem.field(), problem));
        return problems;
    }

    private String page(Model model, Form form, Map<String, ApplicationRejected.Problem> problems) {
        model.addAttribute("applications", applications.all());
        return formPage(model, form, problems, "sso/applications");
    }

    private String editPage(Model model, Form form, Map<String, ApplicationRejected.Problem> problems) {
        return formPage(model, form, problems, "sso/application");
    }

    private String formPage(
            Model model, Form form, Map<String, ApplicationRejected.Problem> problems, String template) {
        var services = catalogue.all();
        model.addAttribute("services", services);
        model.addAttribute(
                "servicesById",
                services.stream()
                        .collect(Collectors.toMap(org.guichet.access.ServiceDefinition::id, Function.identity())));
        model.addAttribute("scopes", List.of("profile", "email", "roles"));
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        return template;
    }
}

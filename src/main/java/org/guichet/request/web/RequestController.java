package org.guichet.request.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestError;
import org.guichet.request.RequestManagement;
import org.guichet.request.RequestReview;
import org.guichet.request.RequestSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My requests": the list, a new request (its form drawn from its type), one request with its timeline. */
@Controller
class RequestController {

    private final RequestManagement requests;
    private final RequestReview review;
    private final RequestSettings settings;
    private final RequestViews views;

    RequestController(RequestManagement requests, RequestReview review, RequestSettings settings, RequestViews views) {
        this.requests = requests;
        this.review = review;
        this.settings = settings;
        this.views = views;
    }

    @GetMapping("/requests")
    String showRequests(Principal principal, Locale locale, Model model) {
        model.addAttribute("types", settings.types());
        model.addAttribute(
                "requests",
                requests.requests(AgentId.of(principal.getName())).stream()
                        .map(request -> views.of(request, locale))
                        .toList());
        return "request/requests";
    }

    /** The form of one type of request; without a type, the list to choose one from. */
    @GetMapping("/requests/new")
    String initRequestForm(@RequestParam(required = false) @Nullable String type, Model model) {
        if (type == null || type.isBlank()) {
            return "redirect:/requests";
        }
        model.addAttribute("type", type(type));
        model.addAttribute("values", Map.of());
        return "request/new";
    }

    @PostMapping("/requests")
    String processRequestForm(
            @RequestParam String type,
            @RequestParam Map<String, String> parameters,
            HttpServletRequest http,
            Principal principal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var definition = type(type);
        var agent = AgentId.of(principal.getName());
        var fields = new LinkedHashMap<String, String>();
        String errorField = null;
        try {
            for (var field : definition.fieldList()) {
                errorField = field.name();
                if (field.kind() == RequestSettings.Kind.ATTACHMENT) {
                    var file = http instanceof MultipartHttpServletRequest multipart
                            ? multipart.getFile("field." + field.name())
                            : null;
                    if (file != null && !file.isEmpty()) {
                        var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
                        fields.put(
                                field.name(),
                                requests.upload(agent, name, file.getBytes())
                                        .id()
                                        .toString());
                    }
                    continue;
                }
                var value = parameters.get("field." + field.name());
                if (value != null && !value.isBlank()) {
                    fields.put(field.name(), value);
                }
            }
            errorField = null;
            var draft = parameters.containsKey("draft");
            var request = draft
                    ? requests.saveDraft(agent, definition.id(), fields)
                    : requests.submit(agent, definition.id(), fields);
            redirect.addFlashAttribute(draft ? "drafted" : "submitted", true);
            return "redirect:/requests/" + request.id();
        } catch (GuichetException e) {
            var field = e.errorCode() == RequestError.FIELD_INVALID
                    ? String.valueOf(e.getDetailMessageArguments()[0])
                    : errorField;
            model.addAttribute("type", definition);
            model.addAttribute("values", fields);
            model.addAttribute("fieldError", field);
            model.addAttribute(
                    "fieldErrorKey",
                    e.errorCode() == RequestError.FIELD_INVALID
                            ? "request.field.invalid"
                            : e.errorCode().messageKey());
            model.addAttribute("refusal", e.errorCode().messageKey());
            response.setStatus(e.errorCode().status().value());
            return "request/new";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PostMapping("/requests/{id}/information")
    String processInformation(
            @PathVariable String id,
            @RequestParam(required = false) String comment,
            @RequestParam(defaultValue = "give") String action,
            Principal principal,
            RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        try {
            if ("ask".equals(action)) {
                review.askInformation(agent, RequestApiController.parse(id), comment);
            } else {
                requests.giveInformation(agent, RequestApiController.parse(id), comment);
            }
        } catch (GuichetException e) {
            if (e.errorCode() != RequestError.COMMENT_REQUIRED) {
                throw e;
            }
            redirect.addFlashAttribute("informationError", e.errorCode().messageKey());
        }
        return "redirect:/requests/" + id;
    }

    @GetMapping("/requests/{id}")
    String showRequest(@PathVariable String id, Principal principal, Locale locale, Model model) {
        var request = requests.request(AgentId.of(principal.getName()), RequestApiController.parse(id));
        model.addAttribute("request", views.of(request, locale));
        model.addAttribute("mine", request.agent().soi().equals(principal.getName()));
        model.addAttribute("type", settings.type(request.type()).orElse(null));
        return "request/request";
    }

    @PostMapping("/requests/{id}/submit")
    String processDraftSubmission(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        try {
            requests.submitDraft(AgentId.of(principal.getName()), RequestApiController.parse(id));
            redirect.addFlashAttribute("submitted", true);
        } catch (GuichetException e) {
            if (e.errorCode() != RequestError.FIELD_INVALID) {
                throw e;
            }
            redirect.addFlashAttribute("draftError", String.valueOf(e.getDetailMessageArguments()[0]));
        }
        return "redirect:/requests/" + id;
    }

    @PostMapping("/requests/{id}/cancel")
    String processCancellation(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        requests.cancel(AgentId.of(principal.getName()), RequestApiController.parse(id));
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/requests/" + id;
    }

    private RequestSettings.TypeDefinition type(String id) {
        return settings.type(id).orElseThrow(() -> new GuichetException(RequestError.UNKNOWN_TYPE, id));
    }
}

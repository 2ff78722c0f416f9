package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorType;
import org.guichet.identity.SecondFactors;
import org.guichet.identity.factor.Factor;
import org.guichet.identity.factor.FactorPolicy;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.factor.passkey.Passkeys;
import org.guichet.identity.factor.sms.SmsFactors;
import org.guichet.identity.mfa.MobileChanges;
import org.guichet.network.ClientConnections;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My second factors": the list (kind, name, added, last used), and adding, renaming and removing them. Everything
 * but the list asks for a recent second factor first (the step-up, enforced by the security rules). The last factor
 * cannot be removed while the agent needs one; an agent's factor is only ever found among their own.
 */
@Controller
@RequestMapping(FactorsController.PATH)
class FactorsController {

    static final String PATH = "/account/factors";

    private final DirectoryManagement directory;
    private final Factors factors;
    private final Passkeys passkeys;
    private final SmsFactors sms;
    private final SecondFactors secondFactors;
    private final MobileChanges mobiles;
    private final EnrolmentPages pages;
    private final PasskeyRegistrations registrations;
    private final ClientConnections connections;

    FactorsController(
            DirectoryManagement directory,
            Factors factors,
            Passkeys passkeys,
            SmsFactors sms,
            SecondFactors secondFactors,
            MobileChanges mobiles,
            EnrolmentPages pages,
            PasskeyRegistrations registrations,
            ClientConnections connections) {
        this.directory = directory;
        this.factors = factors;
        this.passkeys = passkeys;
        this.sms = sms;
        this.secondFactors = secondFactors;
        this.mobiles = mobiles;
        this.pages = pages;
        this.registrations = registrations;
        this.connections = connections;
    }

    @GetMapping
    String showFactors(
            @RequestParam(required = false) @Nullable String added,
            Principal principal,
            HttpServletRequest request,
            Model model) {
        var agent = agent(principal);
        FactorType.ofSlug(added).ifPresent(type -> model.addAttribute("added", type.name()));
        var list = factors.list(agent);
        model.addAttribute("factors", list);
        model.addAttribute("hasSms", list.stream().anyMatch(f -> f.type() == FactorType.SMS));
        model.addAttribute("mobileVerified", mobiles.verified(agent));
        model.addAttribute(
                "required",
                secondFactors.required(agent, connections.of(request).channel()));
        model.addAttribute("hasSecondFactor", factors.hasSecondFactor(agent));
        return "identity/factors";
    }

    @GetMapping("/passkey")
    String showPasskey(Principal principal) {
        passkeys.prepare(agent(principal));
        return "identity/add-passkey";
    }

    @PostMapping("/passkey")
    String processPasskey(Principal principal, HttpServletRequest request, Model model) {
        if (!registrations.takeRegistration(request.getSession())) {
            return "redirect:" + PATH;
        }
        return pages.afterAdding(agent(principal), FactorType.PASSKEY, PATH, model);
    }

    @GetMapping("/app")
    String showApp(Principal principal, HttpServletRequest request, Model model, Locale locale) {
        return pages.showApp(agent(principal), request.getSession(), PATH + "/app", PATH, model, locale);
    }

    @PostMapping("/app")
    String processApp(
            @Valid @ModelAttribute("form") FactorForms.NewApp form,
            BindingResult result,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        var agent = agent(principal);
        if (!result.hasErrors() && pages.confirmApp(agent, request.getSession(), form, result, locale)) {
            return pages.afterAdding(agent, FactorType.TOTP, PATH, model);
        }
        return pages.showApp(agent, request.getSession(), PATH + "/app", PATH, model, locale);
    }

    /** Codes by SMS to the verified number; without one, the number must be verified first. */
    @PostMapping("/sms")
    String processSms(Principal principal, Model model, Locale locale) {
        var agent = agent(principal);
        if (!mobiles.verified(agent)) {
            return "redirect:" + MobileController.PATH + "?for=sms";
        }
        sms.add(agent, "SMS");
        return pages.afterAdding(agent, FactorType.SMS, PATH, model);
    }

    @PostMapping("/recovery-codes")
    String processRecoveryCodes(Principal principal, Model model) {
        var agent = agent(principal);
        if (!factors.hasSecondFactor(agent)) {
            return "redirect:" + PATH;
        }
        return pages.showRecoveryCodes(agent, FactorType.RECOVERY_CODE, PATH, model);
    }

    @GetMapping("/{id}/rename")
    String initRenameForm(@PathVariable String id, Principal principal, Model model) {
        var factor = factor(principal, id);
        model.addAttribute("factor", factor);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FactorForms.Name(factor.name()));
        }
        return "identity/factor-rename";
    }

    @PostMapping("/{id}/rename")
    String processRenameForm(
            @PathVariable String id,
            @Valid @ModelAttribute("form") FactorForms.Name form,
            BindingResult result,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        var factor = factor(principal, id);
        if (result.hasErrors()) {
            model.addAttribute("factor", factor);
            return "identity/factor-rename";
        }
        factors.rename(agent(principal), id, form.name().strip());
        redirect.addFlashAttribute("renamed", form.name().strip());
        return "redirect:" + PATH;
    }

    @GetMapping("/{id}/remove")
    String initRemoveForm(@PathVariable String id, Principal principal, HttpServletRequest request, Model model) {
        var agent = agent(principal);
        var factor = factor(principal, id);
        model.addAttribute("factor", factor);
        model.addAttribute("last", isLast(agent, factor));
        model.addAttribute(
                "required",
                secondFactors.required(agent, connections.of(request).channel()));
        return "identity/factor-remove";
    }

    @PostMapping("/{id}/remove")
    String processRemoveForm(
            @PathVariable String id, Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
        var agent = agent(principal);
        var factor = factor(principal, id);
        var required = secondFactors.required(agent, connections.of(request).channel());
        switch (factors.remove(agent, id, required)) {
            case REMOVED -> redirect.addFlashAttribute("removed", factor.type());
            case LAST_FACTOR_REQUIRED -> redirect.addFlashAttribute("lastFactorRefused", true);
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + PATH;
    }

    private boolean isLast(AgentProfile agent, Factor factor) {
        return FactorPolicy.isLast(factors.list(agent), factor);
    }

    /** One of the agent's own factors; any other id is not found (the same answer as for a missing one). */
    private Factor factor(Principal principal, String id) {
        return factors.find(agent(principal), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private AgentProfile agent(Principal principal) {
        return directory.findById(AgentId.of(principal.getName())).orElseThrow();
    }
}

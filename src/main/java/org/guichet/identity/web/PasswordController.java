package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordChangeReason;
import org.guichet.identity.PasswordRejectedException;
import org.guichet.identity.password.PasswordService;
import org.guichet.platform.SessionHandles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Choosing a new password: as a step of the sign-in (first sign-in, expired password), where the password was just
 * typed, and from the account, where the current one is asked again.
 */
@Controller
class PasswordController {

    static final String FORCED_PATH = "/sign-in/password";
    private static final String VIEW = "identity/password";

    private final DirectoryManagement directory;
    private final PasswordService passwords;
    private final PasswordConfirmation confirmation;
    private final IdentitySettings settings;

    PasswordController(
            DirectoryManagement directory,
            PasswordService passwords,
            PasswordConfirmation confirmation,
            IdentitySettings settings) {
        this.directory = directory;
        this.passwords = passwords;
        this.confirmation = confirmation;
        this.settings = settings;
    }

    @ModelAttribute("rules")
    IdentitySettings.Password rules() {
        return settings.password();
    }

    @GetMapping(FORCED_PATH)
    String initForcedChangeForm(Principal principal, Model model) {
        var agent = agent(principal);
        var status = passwords.status(agent);
        if (!status.changeRequired()) {
            return "redirect:/sign-in/continue";
        }
        model.addAttribute("form", new PasswordForms.NewPassword("", ""));
        model.addAttribute(
                "reason", status.expired() ? PasswordChangeReason.EXPIRED : PasswordChangeReason.FIRST_SIGN_IN);
        return VIEW;
    }

    @PostMapping(FORCED_PATH)
    String processForcedChangeForm(
            @Valid @ModelAttribute("form") PasswordForms.NewPassword form,
            BindingResult result,
            Principal principal,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        var agent = agent(principal);
        var status = passwords.status(agent);
        if (!status.changeRequired()) {
            return "redirect:/sign-in/continue";
        }
        var reason = status.expired() ? PasswordChangeReason.EXPIRED : PasswordChangeReason.FIRST_SIGN_IN;
        model.addAttribute("reason", reason);
        if (!PasswordErrors.confirmed(form.password(), form.confirmation(), result)) {
            return VIEW;
        }
        try {
            passwords.change(
                    agent,
                    form.password(),
                    reason,
                    SessionHandles.of(request.getSession().getId()),
                    locale);
        } catch (PasswordRejectedException e) {
            PasswordErrors.reject(e, result, settings.password());
            return VIEW;
        }
        return "redirect:/sign-in/continue";
    }

    @GetMapping("/account/password")
    String initChangeForm(Model model) {
        model.addAttribute("form", new PasswordForms.Change("", "", ""));
        model.addAttribute("askCurrent", true);
        return VIEW;
    }

    @PostMapping("/account/password")
    String processChangeForm(
            @Valid @ModelAttribute("form") PasswordForms.Change form,
            BindingResult result,
            Principal principal,
            HttpServletRequest request,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("askCurrent", true);
        var agent = agent(principal);
        if (result.hasFieldErrors("current")) {
            return VIEW;
        }
        if (!confirmation.check(agent, form.current(), request, result, "current")) {
            return VIEW;
        }
        if (!PasswordErrors.confirmed(form.password(), form.confirmation(), result)) {
            return VIEW;
        }
        try {
            passwords.change(
                    agent,
                    form.password(),
                    PasswordChangeReason.CHANGED,
                    SessionHandles.of(request.getSession().getId()),
                    locale);
        } catch (PasswordRejectedException e) {
            PasswordErrors.reject(e, result, settings.password());
            return VIEW;
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/account";
    }

    private AgentProfile agent(Principal principal) {
        return directory.findById(AgentId.of(principal.getName())).orElseThrow();
    }
}

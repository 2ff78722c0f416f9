package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordRejectedException;
import org.guichet.identity.reset.ResetService;
import org.guichet.identity.reset.ResetState;
import org.guichet.network.ClientConnections;
import org.guichet.platform.DeliveryChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgotten password or locked account": identifier, where to send the code, the code, the second factor when the
 * agent has one ({@link ResetSecondFactorController}), a new password. Reachable without signing in; the flow lives in
 * the visitor's session and looks the same for any identifier.
 */
@Controller
@RequestMapping("/reset")
class ResetController {

    static final String STATE = ResetController.class.getName() + ".state";

    private final ResetService resets;
    private final ClientConnections connections;
    private final IdentitySettings settings;
    private final Clock clock;

    ResetController(ResetService resets, ClientConnections connections, IdentitySettings settings, Clock clock) {
        this.resets = resets;
        this.connections = connections;
        this.settings = settings;
        this.clock = clock;
    }

    @ModelAttribute("rules")
    IdentitySettings.Password rules() {
        return settings.password();
    }

    @GetMapping
    String initIdentifierForm(Model model) {
        model.addAttribute("form", new PasswordForms.Identifier(""));
        return "identity/reset-start";
    }

    @PostMapping
    String processIdentifierForm(
            @Valid @ModelAttribute("form") PasswordForms.Identifier form, BindingResult result, HttpSession session) {
        if (result.hasErrors()) {
            return "identity/reset-start";
        }
        session.setAttribute(STATE, resets.start(form.identifier()));
        return "redirect:/reset/send";
    }

    @GetMapping("/send")
    String showChannels(HttpSession session, Model model) {
        var state = state(session);
        if (state == null) {
            return "redirect:/reset";
        }
        model.addAttribute("state", state);
        return "identity/reset-channel";
    }

    @PostMapping("/send")
    String processChannel(
            @RequestParam(defaultValue = "EMAIL") DeliveryChannel channel,
            HttpSession session,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        var state = state(session);
        if (state == null) {
            return "redirect:/reset";
        }
        var outcome = resets.send(state, channel, connections.of(request), locale);
        if (outcome instanceof ResetService.SendOutcome.TooMany tooMany) {
            model.addAttribute("state", state);
            model.addAttribute("waitMinutes", minutesUntil(tooMany.retryAt()));
            return "identity/reset-channel";
        }
        session.setAttribute(STATE, state);
        return "redirect:/reset/code";
    }

    @GetMapping("/code")
    String initCodeForm(HttpSession session, Model model) {
        var state = state(session);
        if (state == null || state.stage() != ResetState.Stage.CODE_SENT) {
            return "redirect:/reset";
        }
        model.addAttribute("state", state);
        model.addAttribute("form", new PasswordForms.Code(""));
        model.addAttribute("validity", settings.reset().codeValidity().toMinutes());
        return "identity/reset-code";
    }

    @PostMapping("/code")
    String processCodeForm(
            @Valid @ModelAttribute("form") PasswordForms.Code form,
            BindingResult result,
            HttpSession session,
            Model model) {
        var state = state(session);
        if (state == null || state.stage() != ResetState.Stage.CODE_SENT) {
            return "redirect:/reset";
        }
        model.addAttribute("state", state);
        model.addAttribute("validity", settings.reset().codeValidity().toMinutes());
        if (result.hasErrors()) {
            return "identity/reset-code";
        }
        var verification = resets.verify(state, form.code());
        session.setAttribute(STATE, state);
        switch (verification) {
            case VERIFIED -> {
                return state.awaitingSecondFactor()
                        ? "redirect:" + ResetSecondFactorController.PATH
                        : "redirect:/reset/password";
            }
            case WRONG -> result.rejectValue("code", "identity.reset.code.wrong");
            case SPENT -> result.rejectValue("code", "identity.reset.code.spent");
        }
        return "identity/reset-code";
    }

    @GetMapping("/password")
    String initPasswordForm(HttpSession session, Model model) {
        var state = state(session);
        if (state == null || !resets.mayChoosePassword(state)) {
            return "redirect:/reset";
        }
        model.addAttribute("form", new PasswordForms.NewPassword("", ""));
        return "identity/reset-password";
    }

    @PostMapping("/password")
    String processPasswordForm(
            @Valid @ModelAttribute("form") PasswordForms.NewPassword form,
            BindingResult result,
            HttpSession session,
            HttpServletRequest request,
            Locale locale,
            RedirectAttributes redirect) {
        var state = state(session);
        if (state == null || !resets.mayChoosePassword(state)) {
            return "redirect:/reset";
        }
        if (!PasswordErrors.confirmed(form.password(), form.confirmation(), result)) {
            return "identity/reset-password";
        }
        try {
            resets.complete(state, form.password(), connections.of(request), locale);
        } catch (PasswordRejectedException e) {
            PasswordErrors.reject(e, result, settings.password());
            return "identity/reset-password";
        }
        session.removeAttribute(STATE);
        return "redirect:/login?reset";
    }

    private static @Nullable ResetState state(HttpSession session) {
        return session.getAttribute(STATE) instanceof ResetState state ? state : null;
    }

    private long minutesUntil(java.time.Instant when) {
        return Math.max(1, (Duration.between(clock.instant(), when).toSeconds() + 59) / 60);
    }
}

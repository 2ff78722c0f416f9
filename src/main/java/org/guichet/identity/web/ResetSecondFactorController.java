package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Locale;
import org.guichet.identity.FactorType;
import org.guichet.identity.mfa.SecondStep;
import org.guichet.identity.mfa.SmsCodes;
import org.guichet.identity.reset.ResetService;
import org.guichet.identity.reset.ResetState;
import org.guichet.network.ClientConnections;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reset's second factor: once the code sent by SMS or e-mail is right, an agent who has a second factor gives it
 * before choosing a password, so that a reset never bypasses it. Wrong codes count as at sign-in.
 */
@Controller
@RequestMapping(ResetSecondFactorController.PATH)
class ResetSecondFactorController {

    static final String PATH = "/reset/second-factor";

    private final ResetService resets;
    private final SecondFactorPage page;
    private final SecondStep secondStep;
    private final CodeMessages codeMessages;
    private final ClientConnections connections;

    ResetSecondFactorController(
            ResetService resets,
            SecondFactorPage page,
            SecondStep secondStep,
            CodeMessages codeMessages,
            ClientConnections connections) {
        this.resets = resets;
        this.page = page;
        this.secondStep = secondStep;
        this.codeMessages = codeMessages;
        this.connections = connections;
    }

    @GetMapping
    String showSecondFactor(@RequestParam(required = false) @Nullable String method, HttpSession session, Model model) {
        var state = awaiting(session);
        if (state == null) {
            return "redirect:/reset";
        }
        return render(state, method, model);
    }

    @PostMapping("/{method}")
    String processCode(
            @PathVariable String method,
            @Valid @ModelAttribute("form") FactorForms.Code form,
            BindingResult result,
            HttpSession session,
            HttpServletRequest request,
            Model model) {
        var state = awaiting(session);
        var type = FactorType.ofSlug(method).orElse(null);
        if (state == null || type == null || !resets.secondFactorMethods(state).contains(type)) {
            return "redirect:/reset";
        }
        if (!result.hasErrors()) {
            var outcome = resets.verifySecondFactor(state, type, form.code(), connections.of(request));
            session.setAttribute(ResetController.STATE, state);
            if (outcome instanceof SecondStep.Outcome.Verified) {
                return "redirect:/reset/password";
            }
            codeMessages.reject(outcome, type, result);
        }
        return render(state, method, model);
    }

    @PostMapping("/sms/send")
    String sendSms(HttpSession session, Locale locale, RedirectAttributes redirect) {
        var state = awaiting(session);
        var agent = state == null ? null : resets.agent(state);
        if (agent == null || !resets.secondFactorMethods(state).contains(FactorType.SMS)) {
            return "redirect:/reset";
        }
        if (page.sendSms(agent, locale) instanceof SmsCodes.Sending.TooMany tooMany) {
            redirect.addFlashAttribute("smsRetryAt", tooMany.retryAt());
        }
        return "redirect:" + PATH + "?method=sms";
    }

    private String render(ResetState state, @Nullable String method, Model model) {
        var agent = resets.agent(state);
        if (agent == null) {
            return "redirect:/reset";
        }
        return page.render(
                "reset",
                PATH,
                "/reset/password",
                path -> path,
                agent,
                resets.secondFactorMethods(state),
                method,
                model);
    }

    private @Nullable ResetState awaiting(HttpSession session) {
        return session.getAttribute(ResetController.STATE) instanceof ResetState state
                        && state.awaitingSecondFactor()
                        && resets.verifiedRecently(state)
                ? state
                : null;
    }
}

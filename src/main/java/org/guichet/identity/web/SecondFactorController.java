package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorType;
import org.guichet.identity.SecondFactors;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.mfa.SecondStep;
import org.guichet.identity.mfa.SmsCodes;
import org.guichet.network.ClientConnections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor, asked at two moments: as a step of the sign-in ({@code /sign-in/second-factor}) and before a
 * protected change, when the last one is more than 5 minutes old ({@code /sign-in/confirm?next=…}, the step-up). The
 * agent's passkey is offered first; any other method they have is one link away; a wrong code says why, and what to
 * do next.
 */
@Controller
class SecondFactorController {

    static final String SIGN_IN = "/sign-in/second-factor";
    static final String CONFIRM = "/sign-in/confirm";

    private final DirectoryManagement directory;
    private final SecondFactors secondFactors;
    private final Factors factors;
    private final SecondStep secondStep;
    private final CodeMessages codeMessages;
    private final SecondFactorPage page;
    private final FactorGrants grants;
    private final PasswordConfirmation passwords;
    private final ClientConnections connections;

    SecondFactorController(
            DirectoryManagement directory,
            SecondFactors secondFactors,
            Factors factors,
            SecondStep secondStep,
            CodeMessages codeMessages,
            SecondFactorPage page,
            FactorGrants grants,
            PasswordConfirmation passwords,
            ClientConnections connections) {
        this.directory = directory;
        this.secondFactors = secondFactors;
        this.factors = factors;
        this.secondStep = secondStep;
        this.codeMessages = codeMessages;
        this.page = page;
        this.grants = grants;
        this.passwords = passwords;
        this.connections = connections;
    }

    /** Sign-in or step-up: where forms post and where the agent goes once done. */
    private record Mode(String name, String path, String done) {

        static Mode signIn() {
            return new Mode("verify", SIGN_IN, "/sign-in/continue");
        }

        static Mode confirm(@Nullable String next) {
            return new Mode("confirm", CONFIRM, Redirects.local(next, "/account"));
        }

        /** This path, with the page to return to when confirming. */
        String url(String path) {
            return isConfirm() ? Redirects.withNext(path, done) : path;
        }

        boolean isConfirm() {
            return name.equals("confirm");
        }
    }

    @GetMapping(SIGN_IN)
    String showSignInStep(
            @RequestParam(required = false) @Nullable String method,
            Authentication authentication,
            HttpServletRequest request,
            Model model) {
        if (!verifyPending(authentication, request)) {
            return "redirect:/sign-in/continue";
        }
        return page(Mode.signIn(), agent(authentication), method, model);
    }

    @GetMapping(CONFIRM)
    String showConfirmation(
            @RequestParam(required = false) @Nullable String method,
            @RequestParam(required = false) @Nullable String next,
            Principal principal,
            Model model) {
        return page(Mode.confirm(next), agent(principal), method, model);
    }

    @PostMapping({SIGN_IN + "/{method}", CONFIRM + "/{method}"})
    String processCode(
            @PathVariable String method,
            @RequestParam(required = false) @Nullable String next,
            @Valid @ModelAttribute("form") FactorForms.Code form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var mode = request.getRequestURI().contains(CONFIRM) ? Mode.confirm(next) : Mode.signIn();
        if (!mode.isConfirm() && !verifyPending(authentication, request)) {
            return "redirect:/sign-in/continue";
        }
        var agent = agent(authentication);
        var type =
                FactorType.ofSlug(method).filter(t -> t != FactorType.PASSKEY).orElse(null);
        if (type == null || !factors.usable(agent).contains(type)) {
            return "redirect:" + mode.path();
        }
        if (result.hasErrors()) {
            return page(mode, agent, method, model);
        }
        var outcome = secondStep.verify(agent, type, form.code(), connections.of(request));
        if (outcome instanceof SecondStep.Outcome.Verified verified) {
            grants.grant(type, request, response);
            if (verified.recoveryCodesLeft() != null) {
                model.addAttribute("left", verified.recoveryCodesLeft());
                model.addAttribute("next", mode.done());
                return "identity/recovery-code-used";
            }
            return "redirect:" + mode.done();
        }
        codeMessages.reject(outcome, type, result);
        return page(mode, agent, method, model);
    }

    @PostMapping({SIGN_IN + "/sms/send", CONFIRM + "/sms/send"})
    String sendSms(
            @RequestParam(required = false) @Nullable String next,
            Authentication authentication,
            HttpServletRequest request,
            Locale locale,
            RedirectAttributes redirect) {
        var mode = request.getRequestURI().contains(CONFIRM) ? Mode.confirm(next) : Mode.signIn();
        if (!mode.isConfirm() && !verifyPending(authentication, request)) {
            return "redirect:/sign-in/continue";
        }
        var sending = page.sendSms(agent(authentication), locale);
        if (sending instanceof SmsCodes.Sending.TooMany tooMany) {
            redirect.addFlashAttribute("smsRetryAt", tooMany.retryAt());
        }
        return "redirect:" + mode.url(mode.path() + "?method=sms");
    }

    /** The step-up of an agent who has no second factor yet: their password again. */
    @PostMapping(CONFIRM + "/password")
    String processPassword(
            @RequestParam(required = false) @Nullable String next,
            @Valid @ModelAttribute("form") FactorForms.Password form,
            BindingResult result,
            Principal principal,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var mode = Mode.confirm(next);
        var agent = agent(principal);
        if (factors.hasSecondFactor(agent)) {
            return "redirect:" + mode.url(CONFIRM);
        }
        if (!result.hasErrors() && passwords.check(agent, form.password(), request, result)) {
            grants.grantPassword(request, response);
            return "redirect:" + mode.done();
        }
        return page(mode, agent, null, model);
    }

    private String page(Mode mode, AgentProfile agent, @Nullable String requested, Model model) {
        return page.render(
                mode.name(),
                mode.path(),
                mode.done(),
                mode::url,
                agent,
                List.copyOf(factors.usable(agent)),
                requested,
                model);
    }

    private boolean verifyPending(Authentication authentication, HttpServletRequest request) {
        return secondFactors.pending(authentication, connections.of(request).channel()) == SecondFactors.Step.VERIFY;
    }

    private AgentProfile agent(Principal principal) {
        return directory.findById(AgentId.of(principal.getName())).orElseThrow();
    }
}

package org.guichet.identity.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorType;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.mfa.MobileChanges;
import org.guichet.identity.mfa.SmsCodes;
import org.guichet.identity.reset.Masking;
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
 * "My mobile number": the agent sees it and whether it is verified, changes it, or verifies it. A number is theirs
 * (and receives codes) only once the code sent to it is typed back; until then the former one stays. Changing or
 * verifying asks for a recent second factor first (the step-up, enforced by the security rules).
 */
@Controller
@RequestMapping(MobileController.PATH)
class MobileController {

    static final String PATH = "/account/mobile";
    private static final String PENDING_NUMBER = MobileController.class.getName() + ".pendingNumber";

    private final DirectoryManagement directory;
    private final MobileChanges mobiles;
    private final Factors factors;
    private final CodeMessages codeMessages;

    MobileController(DirectoryManagement directory, MobileChanges mobiles, Factors factors, CodeMessages codeMessages) {
        this.directory = directory;
        this.mobiles = mobiles;
        this.factors = factors;
        this.codeMessages = codeMessages;
    }

    @GetMapping
    String showMobile(
            @RequestParam(name = "for", required = false) @Nullable String purpose, Principal principal, Model model) {
        var agent = agent(principal);
        model.addAttribute("number", agent.mobile());
        model.addAttribute("verified", mobiles.verified(agent));
        model.addAttribute("forSms", "sms".equals(purpose));
        model.addAttribute("hasSms", factors.list(agent).stream().anyMatch(f -> f.type() == FactorType.SMS));
        return "identity/mobile";
    }

    @GetMapping("/change")
    String initChangeForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FactorForms.Mobile(""));
        }
        return "identity/mobile-change";
    }

    @PostMapping("/change")
    String processChangeForm(
            @Valid @ModelAttribute("form") FactorForms.Mobile form,
            BindingResult result,
            Principal principal,
            HttpSession session,
            Locale locale,
            Model model) {
        if (result.hasErrors()) {
            return "identity/mobile-change";
        }
        var agent = agent(principal);
        var number = mobiles.normalize(form.number()).orElse(null);
        if (number == null) {
            result.rejectValue("number", "mfa.mobile.invalid");
            return "identity/mobile-change";
        }
        if (number.equals(agent.mobile()) && mobiles.verified(agent)) {
            result.rejectValue("number", "mfa.mobile.same");
            return "identity/mobile-change";
        }
        return send(agent, number, session, locale, result, "identity/mobile-change");
    }

    /** Verifies the number on file (from the directory, never proved yet). */
    @PostMapping("/verify")
    String processVerifyCurrent(Principal principal, HttpSession session, Locale locale, RedirectAttributes redirect) {
        var agent = agent(principal);
        if (agent.mobile() == null || mobiles.verified(agent)) {
            return "redirect:" + PATH;
        }
        if (mobiles.start(agent, agent.mobile(), locale) instanceof SmsCodes.Sending.TooMany tooMany) {
            redirect.addFlashAttribute("retryAt", tooMany.retryAt());
            return "redirect:" + PATH;
        }
        session.setAttribute(PENDING_NUMBER, agent.mobile());
        return "redirect:" + PATH + "/code";
    }

    @GetMapping("/code")
    String initCodeForm(Principal principal, HttpSession session, Model model) {
        var sentTo = mobiles.pending(agent(principal));
        if (!(session.getAttribute(PENDING_NUMBER) instanceof String pending)) {
            return "redirect:" + PATH;
        }
        model.addAttribute("sentTo", sentTo != null ? sentTo : Masking.mobile(pending));
        model.addAttribute("live", sentTo != null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FactorForms.Code(""));
        }
        return "identity/mobile-code";
    }

    @PostMapping("/code")
    String processCodeForm(
            @Valid @ModelAttribute("form") FactorForms.Code form,
            BindingResult result,
            Principal principal,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        var agent = agent(principal);
        if (!result.hasErrors()) {
            var check = mobiles.confirm(agent, form.code());
            if (check.result() instanceof CodeCheck.Accepted) {
                session.removeAttribute(PENDING_NUMBER);
                redirect.addFlashAttribute("verifiedNumber", check.number());
                return "redirect:" + PATH;
            }
            codeMessages.reject(check.result(), FactorType.SMS, result);
        }
        return initCodeForm(principal, session, model);
    }

    @PostMapping("/code/resend")
    String resend(Principal principal, HttpSession session, Locale locale, RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING_NUMBER) instanceof String pending)) {
            return "redirect:" + PATH;
        }
        if (mobiles.start(agent(principal), pending, locale) instanceof SmsCodes.Sending.TooMany tooMany) {
            redirect.addFlashAttribute("retryAt", tooMany.retryAt());
        }
        return "redirect:" + PATH + "/code";
    }

    private String send(
            AgentProfile agent, String number, HttpSession session, Locale locale, BindingResult result, String view) {
        if (mobiles.start(agent, number, locale) instanceof SmsCodes.Sending.TooMany tooMany) {
            result.rejectValue("number", "mfa.sms.tooMany", new Object[] {Times.time(tooMany.retryAt())}, null);
            return view;
        }
        session.setAttribute(PENDING_NUMBER, number);
        return "redirect:" + PATH + "/code";
    }

    private AgentProfile agent(Principal principal) {
        return directory.findById(AgentId.of(principal.getName())).orElseThrow();
    }
}

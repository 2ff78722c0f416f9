package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorType;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.SecondFactors;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.passkey.Passkeys;
import org.guichet.identity.factor.sms.SmsFactors;
import org.guichet.identity.mfa.MobileChanges;
import org.guichet.identity.mfa.SecondStep;
import org.guichet.identity.mfa.SmsCodes;
import org.guichet.identity.reset.Masking;
import org.guichet.network.ClientConnections;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in step of an agent who must use a second factor and has none. From the office network they enrol one
 * at once; elsewhere, with the enrolment code the helpdesk gave them, or else the page explains both ways forward.
 * The factor they enrol counts for this sign-in; recovery codes follow.
 */
@Controller
@RequestMapping(EnrolController.PATH)
class EnrolController {

    static final String PATH = "/sign-in/enrol";
    private static final String VIEW = "identity/enrol";
    private static final String DONE = "/sign-in/continue";

    private final DirectoryManagement directory;
    private final SecondFactors secondFactors;
    private final SecondStep secondStep;
    private final Passkeys passkeys;
    private final SmsFactors sms;
    private final MobileChanges mobiles;
    private final EnrolmentPages pages;
    private final CodeMessages codeMessages;
    private final FactorGrants grants;
    private final PasskeyRegistrations registrations;
    private final ClientConnections connections;
    private final IdentitySettings.Enrolment settings;

    EnrolController(
            DirectoryManagement directory,
            SecondFactors secondFactors,
            SecondStep secondStep,
            Passkeys passkeys,
            SmsFactors sms,
            MobileChanges mobiles,
            EnrolmentPages pages,
            CodeMessages codeMessages,
            FactorGrants grants,
            PasskeyRegistrations registrations,
            ClientConnections connections,
            IdentitySettings settings) {
        this.directory = directory;
        this.secondFactors = secondFactors;
        this.secondStep = secondStep;
        this.passkeys = passkeys;
        this.sms = sms;
        this.mobiles = mobiles;
        this.pages = pages;
        this.codeMessages = codeMessages;
        this.grants = grants;
        this.registrations = registrations;
        this.connections = connections;
        this.settings = settings.enrolment();
    }

    @GetMapping
    String showEnrolment(Authentication authentication, HttpServletRequest request, Model model) {
        if (!pending(authentication, request)) {
            return "redirect:" + DONE;
        }
        var agent = agent(authentication);
        var granted = granted(request);
        if (granted) {
            passkeys.prepare(agent);
        }
        model.addAttribute("granted", granted);
        model.addAttribute("sensitive", agent.sensitive());
        model.addAttribute("mobile", agent.mobile() == null ? null : Masking.mobile(agent.mobile()));
        model.addAttribute("channel", connections.of(request).channel());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FactorForms.Code(""));
        }
        return VIEW;
    }

    @PostMapping("/code")
    String processEnrolmentCode(
            @Valid @ModelAttribute("form") FactorForms.Code form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            Model model) {
        if (!pending(authentication, request)) {
            return "redirect:" + DONE;
        }
        if (!result.hasErrors()) {
            var outcome = secondStep.redeemEnrolmentCode(agent(authentication), form.code(), connections.of(request));
            if (outcome instanceof SecondStep.Outcome.Verified) {
                request.getSession().setAttribute(SecondFactors.ENROLMENT_GRANTED, Boolean.TRUE);
                return "redirect:" + PATH;
            }
            codeMessages.reject(outcome, null, result);
        }
        return showEnrolment(authentication, request, model);
    }

    @GetMapping("/app")
    String showApp(Authentication authentication, HttpServletRequest request, Model model, Locale locale) {
        if (!mayEnrol(authentication, request)) {
            return "redirect:" + PATH;
        }
        return pages.showApp(agent(authentication), request.getSession(), PATH + "/app", PATH, model, locale);
    }

    @PostMapping("/app")
    String processApp(
            @Valid @ModelAttribute("form") FactorForms.NewApp form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        if (!mayEnrol(authentication, request)) {
            return "redirect:" + PATH;
        }
        var agent = agent(authentication);
        if (!result.hasErrors() && pages.confirmApp(agent, request.getSession(), form, result, locale)) {
            return enrolled(agent, FactorType.TOTP, request, response, model);
        }
        return pages.showApp(agent, request.getSession(), PATH + "/app", PATH, model, locale);
    }

    /**
     * Where Guichet's passkey script goes once Spring Security registered the passkey. The agent now has a factor, so
     * the enrolment step is over: what counts is that this session was allowed to enrol and registered it.
     */
    @PostMapping("/passkey")
    String processPasskey(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!SecondFactors.enrolmentGranted(request) || !registrations.takeRegistration(request.getSession())) {
            return "redirect:" + PATH;
        }
        return enrolled(agent(authentication), FactorType.PASSKEY, request, response, model);
    }

    @GetMapping("/sms")
    String showSms(Authentication authentication, HttpServletRequest request, Model model) {
        var agent = agent(authentication);
        if (!mayEnrol(authentication, request) || agent.mobile() == null) {
            return "redirect:" + PATH;
        }
        model.addAttribute("number", Masking.mobile(agent.mobile()));
        model.addAttribute("sentTo", mobiles.pending(agent));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FactorForms.Code(""));
        }
        return "identity/enrol-sms";
    }

    @PostMapping("/sms/send")
    String sendSms(
            Authentication authentication, HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        var agent = agent(authentication);
        if (!mayEnrol(authentication, request) || agent.mobile() == null) {
            return "redirect:" + PATH;
        }
        if (mobiles.start(agent, agent.mobile(), locale) instanceof SmsCodes.Sending.TooMany tooMany) {
            redirect.addFlashAttribute("retryAt", tooMany.retryAt());
        }
        return "redirect:" + PATH + "/sms";
    }

    @PostMapping("/sms")
    String processSms(
            @Valid @ModelAttribute("form") FactorForms.Code form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var agent = agent(authentication);
        if (!mayEnrol(authentication, request) || agent.mobile() == null) {
            return "redirect:" + PATH;
        }
        if (!result.hasErrors()) {
            var check = mobiles.confirm(agent, form.code());
            if (check.result() instanceof CodeCheck.Accepted) {
                var verified = agent(authentication);
                sms.add(verified, "SMS");
                return enrolled(verified, FactorType.SMS, request, response, model);
            }
            codeMessages.reject(check.result(), FactorType.SMS, result);
        }
        return showSms(authentication, request, model);
    }

    /** The factor counts for this sign-in; then the recovery codes. */
    private String enrolled(
            AgentProfile agent,
            FactorType type,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        grants.grant(type, request, response);
        request.getSession().removeAttribute(SecondFactors.ENROLMENT_GRANTED);
        return pages.afterAdding(agent, type, DONE, model);
    }

    private boolean pending(Authentication authentication, HttpServletRequest request) {
        return secondFactors.pending(authentication, connections.of(request).channel()) == SecondFactors.Step.ENROL;
    }

    /** From the office network, the agent may enrol straight away; elsewhere, once they gave an enrolment code. */
    private boolean granted(HttpServletRequest request) {
        if (settings.channelsWithoutCode().contains(connections.of(request).channel())) {
            request.getSession().setAttribute(SecondFactors.ENROLMENT_GRANTED, Boolean.TRUE);
        }
        return SecondFactors.enrolmentGranted(request);
    }

    private boolean mayEnrol(Authentication authentication, HttpServletRequest request) {
        return pending(authentication, request) && granted(request);
    }

    private AgentProfile agent(Authentication authentication) {
        return directory.findById(AgentId.of(authentication.getName())).orElseThrow();
    }
}

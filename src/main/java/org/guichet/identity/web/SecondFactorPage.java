package org.guichet.identity.web;

import java.util.List;
import java.util.function.UnaryOperator;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorType;
import org.guichet.identity.factor.sms.SmsFactors;
import org.guichet.identity.mfa.SecondStep;
import org.guichet.identity.mfa.SmsCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page that asks for a second factor, the same at the sign-in, before a protected change and in a reset: the
 * method asked for (else the strongest the agent has), the others one link away, the SMS number, the lock.
 */
@Component
class SecondFactorPage {

    static final String VIEW = "identity/second-factor";

    private final SecondStep secondStep;
    private final SmsFactors sms;

    SecondFactorPage(SecondStep secondStep, SmsFactors sms) {
        this.secondStep = secondStep;
        this.sms = sms;
    }

    /**
     * @param mode {@code verify}, {@code confirm} or {@code reset}: the page's words
     * @param path where its forms post ({@code path/totp}, {@code path/sms/send}…)
     * @param done where a passkey leads once used
     * @param url adds what the forms must carry to a path (the page to return to)
     * @param methods what the agent may use here; with none, the password is asked (step-up without a factor)
     */
    String render(
            String mode,
            String path,
            String done,
            UnaryOperator<String> url,
            AgentProfile agent,
            List<FactorType> methods,
            @Nullable String requested,
            Model model) {
        var method = FactorType.ofSlug(requested)
                .filter(methods::contains)
                .or(() -> methods.stream().findFirst())
                .orElse(null);
        model.addAttribute("mode", mode);
        model.addAttribute("action", path);
        model.addAttribute("done", done);
        model.addAttribute("methods", methods);
        model.addAttribute("method", method);
        model.addAttribute("formAction", url.apply(path + "/" + (method == null ? "password" : method.slug())));
        model.addAttribute("smsSendAction", url.apply(path + "/sms/send"));
        model.addAttribute("lockedUntil", secondStep.lockedUntil(agent.id()));
        if (method == FactorType.SMS) {
            model.addAttribute("smsSentTo", sms.sentTo(agent));
            model.addAttribute("smsNumber", sms.number(agent));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", method == null ? new FactorForms.Password("") : new FactorForms.Code(""));
        }
        return VIEW;
    }

    /** Sends a sign-in code by SMS, if the agent has the SMS factor and a verified number. */
    SmsCodes.@org.jspecify.annotations.Nullable Sending sendSms(AgentProfile agent, java.util.Locale locale) {
        return sms.send(agent, locale);
    }
}

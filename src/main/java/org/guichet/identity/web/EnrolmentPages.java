package org.guichet.identity.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorType;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.recovery.RecoveryCodes;
import org.guichet.identity.factor.totp.PendingTotp;
import org.guichet.identity.factor.totp.TotpService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * What adding a factor looks like, the same at the sign-in (first factor) and in the account: the authenticator-app
 * page (QR code, key in groups, first code), and the recovery codes shown once.
 */
@Component
class EnrolmentPages {

    static final String PENDING_APP = EnrolmentPages.class.getName() + ".pendingApp";
    static final String APP_VIEW = "identity/enrol-app";
    static final String RECOVERY_VIEW = "identity/recovery-codes";

    private final TotpService totp;
    private final RecoveryCodes recovery;
    private final CodeMessages codeMessages;
    private final MessageSource messages;

    EnrolmentPages(TotpService totp, RecoveryCodes recovery, CodeMessages codeMessages, MessageSource messages) {
        this.totp = totp;
        this.recovery = recovery;
        this.codeMessages = codeMessages;
        this.messages = messages;
    }

    /** The authenticator-app page: a new key (kept in the session until confirmed), as a QR code and in groups. */
    String showApp(AgentProfile agent, HttpSession session, String action, String back, Model model, Locale locale) {
        var pending = session.getAttribute(PENDING_APP) instanceof PendingTotp known ? known : totp.begin();
        session.setAttribute(PENDING_APP, pending);
        model.addAttribute(
                "qr", QrCodes.svg(totp.uri(pending, agent), messages.getMessage("mfa.app.qr", null, locale)));
        model.addAttribute("key", totp.manualKey(pending));
        model.addAttribute("uri", totp.uri(pending, agent));
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", new FactorForms.NewApp("", messages.getMessage("mfa.app.defaultName", null, locale)));
        }
        return APP_VIEW;
    }

    /** Adds the app if the code is one of its current ones; otherwise says why next to the code. */
    boolean confirmApp(
            AgentProfile agent, HttpSession session, FactorForms.NewApp form, BindingResult result, Locale locale) {
        if (!(session.getAttribute(PENDING_APP) instanceof PendingTotp pending)) {
            result.rejectValue("code", "mfa.app.expired");
            return false;
        }
        var name = form.name() == null || form.name().isBlank()
                ? messages.getMessage("mfa.app.defaultName", null, locale)
                : form.name().strip();
        var check = totp.confirm(agent, pending, form.code(), name);
        if (check instanceof CodeCheck.Accepted) {
            session.removeAttribute(PENDING_APP);
            return true;
        }
        codeMessages.reject(check, FactorType.TOTP, result);
        return false;
    }

    /**
     * After a factor was added: the recovery codes, generated now and shown once, when the agent has none left;
     * otherwise straight on.
     */
    String afterAdding(AgentProfile agent, FactorType added, String next, Model model) {
        if (recovery.remaining(agent.id()) > 0) {
            return "redirect:" + next + (next.contains("?") ? "&" : "?") + "added=" + added.slug();
        }
        return showRecoveryCodes(agent, added, next, model);
    }

    /** A new set of recovery codes, shown once. */
    String showRecoveryCodes(AgentProfile agent, FactorType added, String next, Model model) {
        List<String> codes = recovery.generate(agent.id());
        model.addAttribute("codes", codes);
        model.addAttribute("codesText", String.join("\r\n", codes));
        model.addAttribute("added", added);
        model.addAttribute("next", next);
        return RECOVERY_VIEW;
    }
}

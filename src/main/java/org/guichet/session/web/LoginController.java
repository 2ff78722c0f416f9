package org.guichet.session.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInRefusedException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security's form login handles the POST). It says why the agent is here — wrong
 * identifier or password, identifier temporarily suspended (and how to unlock it oneself), session expired, signed
 * out, password just reset — never whether an identifier exists.
 */
@Controller
class LoginController {

    private final Clock clock;

    LoginController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/login")
    String showLoginPage(
            @Nullable Authentication authentication, HttpServletRequest request, HttpSession session, Model model) {
        var signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn) {
            return "redirect:/";
        }
        model.addAttribute("notice", notice(request, session, model));
        model.addAttribute("identifier", session.getAttribute(SignInHandlers.LAST_IDENTIFIER));
        return "session/login";
    }

    /** What to tell the visitor first; {@code null} for nothing. */
    private @Nullable String notice(HttpServletRequest request, HttpSession session, Model model) {
        if (request.getParameter("error") != null) {
            var failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof SignInRefusedException refused && refused.error() == SignInError.LOCKED) {
                model.addAttribute("minutes", refused.minutesLeft(clock.instant()));
                return "locked";
            }
            if (failure instanceof SignInRefusedException refused && refused.error() == SignInError.ACCOUNT_DISABLED) {
                return "disabled";
            }
            if (failure instanceof SignInRefusedException refused && refused.error() == SignInError.DIRECTORY_LOCKED) {
                return "directory-locked";
            }
            if (failure instanceof SignInRefusedException refused
                    && refused.error() == SignInError.DIRECTORY_UNAVAILABLE) {
                return "directory-unavailable";
            }
            return "failed";
        }
        for (var notice : new String[] {"logout", "reset", "expired", "reported"}) {
            if (request.getParameter(notice) != null) {
                return notice;
            }
        }
        return SignInHandlers.hasCookie(request, SignInHandlers.WAS_SIGNED_IN_COOKIE) ? "timeout" : null;
    }
}

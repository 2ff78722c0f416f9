package org.guichet.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Check my connection" at {@code /check}, open without signing in and linked from the login page; {@code GET
 * /api/v1/check} gives the same findings and the server time, against which the page measures the device clock.
 */
@Controller
class CheckController {

    static final String COOKIE = "GUICHET_CHECK";

    private final ConnectionCheck check;

    CheckController(ConnectionCheck check) {
        this.check = check;
    }

    @GetMapping("/check")
    String showCheck(
            @Nullable Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        remember(request, response);
        var report = check.run(request, authentication, locale);
        model.addAttribute("report", report);
        model.addAttribute("channelName", check.channelName(report.channel(), locale));
        return "portal/check";
    }

    @GetMapping("/api/v1/check")
    @ResponseBody
    ConnectionCheck.Report showCheckApi(
            @Nullable Authentication authentication, HttpServletRequest request, Locale locale) {
        return check.run(request, authentication, locale);
    }

    /** A harmless cookie, so that the next check can tell whether the browser keeps cookies. */
    private static void remember(HttpServletRequest request, HttpServletResponse response) {
        var cookie = new Cookie(COOKIE, "1");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(60 * 60 * 24);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}

package org.guichet.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    static final String CERTIFICATE = "/check/certificate.crt";

    private final ConnectionCheck check;
    private final RootCertificate certificate;

    CheckController(ConnectionCheck check, RootCertificate certificate) {
        this.check = check;
        this.certificate = certificate;
    }

    /** The administration's root certificate, to install on a device (404 when none is offered). */
    @GetMapping(CERTIFICATE)
    ResponseEntity<byte[]> downloadCertificate() {
        return certificate
                .info()
                .map(info -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/x-x509-ca-cert"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificat-racine.crt\"")
                        .body(info.der()))
                .orElseGet(() -> ResponseEntity.notFound().build());
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

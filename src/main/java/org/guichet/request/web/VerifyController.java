package org.guichet.request.web;

import jakarta.servlet.http.HttpServletResponse;
import org.guichet.request.RequestDocuments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public verification of a certificate: whether the reference printed on it is authentic, and what it certifies,
 * nothing more. Anyone may read it (a landlord, a bank), signed in or not.
 */
@Controller
class VerifyController {

    private final RequestDocuments requests;

    VerifyController(RequestDocuments requests) {
        this.requests = requests;
    }

    @GetMapping("/verify/{reference}")
    String showVerification(@PathVariable String reference, HttpServletResponse response, Model model) {
        var verification = requests.verify(reference);
        model.addAttribute("reference", reference);
        model.addAttribute("verification", verification.orElse(null));
        if (verification.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "request/verify";
    }
}

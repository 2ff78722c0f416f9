package org.guichet.session.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.session.ServiceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page of a refused service (reached by forward from the refusal handler, never by a link): what was refused,
 * why, what to do, and the reference to give the helpdesk.
 */
@Controller
class AccessDeniedController {

    @RequestMapping(ServiceRules.REFUSAL_PAGE)
    String showRefusal(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(ServiceRules.REFUSAL) instanceof ServiceAccess.View view)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("view", view);
        return "access/denied";
    }
}

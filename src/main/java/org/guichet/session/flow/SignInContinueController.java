package org.guichet.session.flow;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.guichet.directory.AgentId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each step ends here: on to the next step, or to the page first asked for once all are done. */
@Controller
class SignInContinueController {

    private final SignInFlow flow;

    SignInContinueController(SignInFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/sign-in/continue")
    String continueSignIn(Principal principal, HttpServletRequest request) {
        var steps = flow.pending(AgentId.of(principal.getName()));
        if (!steps.isEmpty()) {
            return "redirect:" + steps.getFirst().path();
        }
        request.getSession().setAttribute(SignInStepFilter.COMPLETE, Boolean.TRUE);
        return "redirect:" + SignInStepFilter.target(request);
    }
}

package org.guichet.session.flow;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.network.ClientConnections;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each step ends here: on to the next step, or to the page first asked for once all are done. */
@Controller
class SignInContinueController {

    private final SignInFlow flow;
    private final ClientConnections connections;

    SignInContinueController(SignInFlow flow, ClientConnections connections) {
        this.flow = flow;
        this.connections = connections;
    }

    @GetMapping("/sign-in/continue")
    String continueSignIn(Authentication authentication, HttpServletRequest request) {
        var steps = flow.pending(authentication, connections.of(request).channel());
        if (!steps.isEmpty()) {
            return "redirect:" + steps.getFirst().path();
        }
        request.getSession().setAttribute(SignInStepFilter.COMPLETE, Boolean.TRUE);
        return "redirect:" + SignInStepFilter.target(request);
    }
}

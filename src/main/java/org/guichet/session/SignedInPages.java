package org.guichet.session;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What another security filter chain needs to treat its pages as Guichet treats its own (the single sign-on's
 * authorization endpoint, say): the session's lifetime and the sign-in's steps before anything, and a refused
 * service answered with Guichet's explanation page.
 */
public interface SignedInPages {

    /**
     * The session's absolute lifetime, then the steps of the sign-in (second factor of the channel, new password,
     * charter), as the main chain applies them: a pending step leads to its page and back to the page asked for.
     */
    Filter signInSteps();

    /** Answers a refused service as Guichet's own pages do: the page with the reason, the remedy and the reference. */
    void refuse(HttpServletRequest request, HttpServletResponse response, ServiceAccess.View refused)
            throws IOException, ServletException;

    /**
     * Signs the agent out as Guichet's own sign-out does (the event every application's logout follows, the session
     * ended, the cookies of the sign-in cleared), for a sign-out asked by an application (RP-initiated logout).
     */
    void signOut(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.Authentication agent);
}

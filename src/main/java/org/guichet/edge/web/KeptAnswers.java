package org.guichet.edge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers the proxy from a decision kept for the same session, service and client before anything else runs: the
 * session is not read, nor the security chain run, for the files of a page already decided. Ahead of Spring
 * Session's filter; what it does not know goes on to {@link ForwardAuthController}. A session that ends is forgotten
 * at once on this node ({@link Decisions}), and a kept decision lives {@code guichet.edge.decision-cache} at most.
 */
class KeptAnswers extends org.springframework.web.filter.OncePerRequestFilter {

    private final Questions questions;
    private final Decisions decisions;

    KeptAnswers(Questions questions, Decisions decisions) {
        this.questions = questions;
        this.decisions = decisions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !ForwardAuthController.FORWARD.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var started = System.nanoTime();
        var question = questions.of(request);
        var kept = question.map(asked -> decisions.kept(asked.key())).orElse(null);
        if (kept == null) {
            chain.doFilter(request, response);
            return;
        }
        kept.writeTo(response);
        decisions.count(question.get().service().id(), Decisions.outcome(kept), true, started);
    }
}

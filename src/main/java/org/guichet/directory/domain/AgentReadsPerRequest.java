package org.guichet.directory.domain;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each web request a place for the agents it read ({@link AgentRepository#findBySoi}), dropped with the
 * request. Only requests that pass here keep what they read, so code that runs beside a request on the same thread
 * (a test's own calls between requests) always reads the database.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgentReadsPerRequest extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(AgentRepository.READ_IN_REQUEST, new HashMap<>());
        try {
            chain.doFilter(request, response);
        } finally {
            request.removeAttribute(AgentRepository.READ_IN_REQUEST);
        }
    }
}

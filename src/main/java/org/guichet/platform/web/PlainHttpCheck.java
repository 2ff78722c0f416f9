package org.guichet.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, once per node, that a node whose public address is {@code https} received a plain HTTP request: behind
 * a TLS proxy whose {@code X-Forwarded-Proto} is not believed, Spring Security silently writes no HSTS header and
 * Tomcat no {@code Secure} cookie. Health probes, which load balancers send over plain HTTP, are not counted.
 */
final class PlainHttpCheck implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpCheck.class);

    private final String publicUrl;
    private final AtomicBoolean told;

    PlainHttpCheck(String publicUrl) {
        this.publicUrl = publicUrl;
        this.told = new AtomicBoolean(!publicUrl.regionMatches(true, 0, "https:", 0, 6));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!told.get()
                && !request.isSecure()
                && request instanceof HttpServletRequest http
                && !http.getRequestURI().startsWith(http.getContextPath() + "/actuator")
                && told.compareAndSet(false, true)) {
            LOG.error(
                    "Guichet's public address is {} but this node received a plain HTTP request ({} {} from {}): it "
                            + "writes no HSTS header and no Secure cookie. Behind a TLS proxy, have the proxy send "
                            + "X-Forwarded-Proto and set server.forward-headers-strategy=native with "
                            + "server.tomcat.remoteip.internal-proxies matching the proxy's address only (README, "
                            + "\"Running on several nodes\"). Said once per node.",
                    publicUrl,
                    http.getMethod(),
                    http.getRequestURI(),
                    http.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }
}

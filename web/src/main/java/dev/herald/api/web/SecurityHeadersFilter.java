package dev.herald.api.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Security headers on every answer of the war: the API ({@code /api/**}), the console ({@code /console/**}) and the
 * problem answers, including the container's own (error dispatch to {@code /problems/container-error}). They are
 * set before the request goes on, so an answer that is committed early (the live tail's event stream) has them too.
 * {@code asyncSupported}: the live tail goes asynchronous, which every filter in its chain must allow (without it
 * Liberty's request was recycled under the open stream: the tail's first write failed with a NullPointerException
 * in {@code SRTServletRequest}, and ConsoleIT's live tail showed "Connection lost").
 *
 * <p>The Content-Security-Policy is as strict as the console allows: it is static HTML, one stylesheet and ES modules
 * from its own origin, with no inline script and no inline {@code <style>}; it calls the API with fetch (and the tail
 * with a fetch-based event-stream reader). The one allowance is {@code style-src-attr 'unsafe-inline'}: the JSON entry
 * view indents nested rows with a {@code style} attribute (views/entry.js). A browser without CSP level 3 falls back
 * to {@code style-src 'self'} and loses only that indentation. {@code frame-ancestors 'none'}: nobody frames it.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ERROR,
            DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " style-src-attr 'unsafe-inline'; img-src 'self'; font-src 'self'; connect-src 'self';"
            + " manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The headers, in the order they are set. */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "no-referrer");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        chain.doFilter(request, response);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            apply(http);
        }
        chain.doFilter(request, response);
    }

    /** Sets every header (replacing a value already there). */
    static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}

package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    @Test
    void setsTheHeadersBeforeTheChainRuns() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
        AtomicBoolean ran = new AtomicBoolean();
        FilterChain chain = (ServletRequest req, jakarta.servlet.ServletResponse res) -> {
            assertEquals("nosniff", headers.get("X-Content-Type-Options"), "set before the resource writes");
            ran.set(true);
        };
        new SecurityHeadersFilter().doFilter((ServletRequest) request, response, chain);
        assertTrue(ran.get());
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        String csp = headers.get("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe"), "no inline script: " + csp);
    }

    @Test
    void coversEveryPathAndTheErrorDispatch() {
        WebFilter filter = SecurityHeadersFilter.class.getAnnotation(WebFilter.class);
        assertEquals("/*", String.join(",", filter.urlPatterns()));
        assertTrue(Arrays.asList(filter.dispatcherTypes()).contains(DispatcherType.ERROR), "container problem answers");
        assertTrue(filter.asyncSupported(), "the live tail starts async: every filter of its chain must allow it");
    }
}

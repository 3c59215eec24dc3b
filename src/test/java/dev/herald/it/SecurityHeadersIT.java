package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** nosniff, the CSP and Referrer-Policy on the API's answers, its problem answers (its own and the container's) and the console. */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {

    private final String tenant = "headers-" + UUID.randomUUID();
    private final HeraldClient herald = HeraldClient.of(tenant);

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void anApiAnswerCarriesTheHeaders() throws Exception {
        HttpResponse<String> response = herald.exchange(HttpRequest.newBuilder(herald.uri("api/catalog")).GET());
        assertEquals(200, response.statusCode(), response.body());
        assertHeaders(response);
    }

    @Test
    void problemAnswersCarryTheHeaders() throws Exception {
        HttpResponse<String> invalid = herald.exchange(HttpRequest.newBuilder(herald.uri("api/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"eventType\": ")));
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertHeaders(invalid);
        // mpJwt's 401 before JAX-RS runs: the container's error page answers it
        HttpResponse<String> unauthorized = new HeraldClient().exchange(HttpRequest.newBuilder(herald.uri("api/catalog")).GET());
        assertEquals(401, unauthorized.statusCode(), unauthorized.body());
        assertHeaders(unauthorized);
        HttpResponse<String> outside = herald.exchange(HttpRequest.newBuilder(herald.uri("no-such-page")).GET());
        assertEquals(404, outside.statusCode(), outside.body());
        assertHeaders(outside);
    }

    @Test
    void theConsoleCarriesTheHeaders() throws Exception {
        for (String path : new String[] {"console/", "console/index.html", "console/js/app.js", "console/console.css"}) {
            HttpResponse<String> page = new HeraldClient().exchange(HttpRequest.newBuilder(herald.uri(path)).GET());
            assertEquals(200, page.statusCode(), path);
            assertHeaders(page);
        }
    }

    static void assertHeaders(HttpResponse<?> response) {
        String where = response.request().method() + " " + response.uri() + " " + response.statusCode();
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), where);
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null), where);
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), where + ": " + csp);
    }
}

package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the HTTP layer does with requests no honest client sends. */
class HttpStrictnessIT extends RedisPipelineTestBase {

    private static final String FORGED_HOST = "attacker.example";

    @Test
    void aForgedHostHeaderNeverReachesTheLocationHeader() throws Exception {
        String body = "{\"workflowName\":\"ticket-lifecycle\",\"correlationKey\":\"ticket-" + UUID.randomUUID() + "\"}";
        String answer = RawHttp.exchange("POST /api/workflows/executions HTTP/1.1\r\nHost: " + FORGED_HOST + "\r\n"
                + "Authorization: Bearer " + Tokens.tenantAdmin(tenant) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertEquals(201, RawHttp.status(answer), answer);
        String location = RawHttp.header(answer, "Location");
        assertNotNull(location, answer);
        assertFalse(location.contains(FORGED_HOST), "Location: " + location);
        assertTrue(location.startsWith("/api/workflows/executions/"), "Location: " + location);
    }

    /**
     * Liberty's web container refuses such a path itself (CWWWC0005I), before any application code or error page runs:
     * the answer is its own short text/html 400, which Herald cannot turn into problem+json (docs/operations.md).
     */
    @Test
    void aNulOrALineBreakEncodedInThePathIsA400AndInjectsNoHeader() throws Exception {
        for (String path : new String[] {"/api/catalog/%00", "/api/catalog/a%0d%0aX-Injected:%20yes", "/api/tickets/%00/comments"}) {
            String answer = RawHttp.exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + Tokens.tenantAdmin(tenant) + "\r\nConnection: close\r\n\r\n");
            int status = RawHttp.status(answer);
            assertTrue(status == 400 || status == 404, path + " -> " + answer);
            assertEquals(null, RawHttp.header(answer, "X-Injected"), path + " -> " + answer);
        }
    }
}

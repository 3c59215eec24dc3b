package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Malformed and random requests across the API, from a valid token of a fresh tenant: no answer is a 5xx, every
 * error is a problem+json body, no write is accepted, and none of the tenant's events reaches Redis. Every body a
 * write endpoint gets is invalid by construction (not JSON, JSON of the wrong shape, or an event the registry must
 * refuse, in a batch next to a valid one), so an accepted write is a finding too. The one exception to "every error
 * is a problem" is the container's own refusal of a malformed path (see URI_REJECTED). The seed is printed; rerun one
 * with -Dherald.fuzz.seed=N (and -Dherald.fuzz.requests=N).
 */
class ApiFuzzIT extends RedisProbeTestBase {

    private static final int MAX_BODY = 1024 * 1024;
    /**
     * The one error that is not a problem body: Servlet 6 requires the container to refuse a path with suspicious
     * encoded characters (%00, control characters, an encoded dot segment) with 400 before any application sees it,
     * and Liberty's page for it (CWWWC0005I) ignores the WAR's error pages. Counted, not a finding.
     */
    private static final String URI_REJECTED = "CWWWC0005I";
    private static final String[] SEGMENTS = {"x", "..", "%2e%2e", "TICKET_CREATED", "payload.TicketCreated.v1", "%00", "%F0%9F%92%A5",
        "a%20b", "-1", "0", "99999999999999999999", "%25", "null", "%5B%5D", "%7B%7D", "'", "%22", "%C3%A9", "TicketCreated"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=UTF-8", "text/plain",
        "application/json; charset=bogus", "application/xml", "application/x-www-form-urlencoded", "*/*", "", "application/problem+json",
        "multipart/form-data; boundary=x"};

    private final String tenant = UUID.randomUUID().toString();
    private final HeraldClient client = HeraldClient.of(tenant);
    private final long seed = Long.getLong("herald.fuzz.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private JsonObject validEvent;

    private record Endpoint(String method, String path, boolean write, Supplier<String> body) {
    }

    private record Finding(String request, int status, String why, String body) {
        @Override
        public String toString() {
            return request + " -> " + status + " (" + why + "): " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void randomAndMalformedRequestsNeverFailTheServerOrPublish() throws Exception {
        System.out.println("ApiFuzzIT seed " + seed + " (rerun with -Dherald.fuzz.seed=" + seed + "), tenant " + tenant);
        validEvent = Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", client.get("api/catalog/TICKET_CREATED").json().getJsonObject("examplePayload")).build();
        List<Endpoint> endpoints = endpoints();
        int requests = Integer.getInteger("herald.fuzz.requests", 1200);
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int containerRejected = 0;
        long started = System.nanoTime();
        java.nio.file.Path trail = java.nio.file.Path.of("target", "api-fuzz-requests.log");
        try (java.io.PrintWriter log = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(trail), true)) {
            for (int i = 0; i < requests; i++) {
                Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
                String path = fill(endpoint.path());
                String body = endpoint.body() == null ? null : endpoint.body().get();
                HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path));
                String contentType = body == null ? null : random.nextInt(5) == 0 ? pick(CONTENT_TYPES) : "application/json";
                if (contentType != null && !contentType.isEmpty()) {
                    request.header("Content-Type", contentType);
                }
                request.method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                String described = endpoint.method() + " /" + path + (contentType == null ? "" : " [" + contentType + "] ")
                        + (body == null ? "" : abbreviate(body));
                log.println(i + " " + described); // the request in flight, should the server never answer it
                HttpResponse<String> answer;
                try {
                    answer = client.exchange(request);
                } catch (java.io.IOException e) {
                    findings.add(new Finding(described, -1, "no answer: " + e, ""));
                    continue;
                }
                int status = answer.statusCode();
                statuses.merge(status, 1, Integer::sum);
                if (status >= 500) {
                    findings.add(new Finding(described, status, "server error", answer.body()));
                } else if (status == 400 && answer.body().contains(URI_REJECTED)) {
                    containerRejected++;
                } else if (status >= 400) {
                    ProblemAnswers.defect(answer).ifPresent(defect -> findings.add(new Finding(described, status, defect, answer.body())));
                } else if (endpoint.write()) {
                    findings.add(new Finding(described, status, "an invalid write was accepted", answer.body()));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ApiFuzzIT: %d requests in %.1f s, statuses %s, %d refused by the container's URI check, %d findings%n",
                requests, seconds, statuses, containerRejected, findings.size());
        findings.forEach(f -> System.out.println("  " + f));

        Thread.sleep(2000); // the relay writes within milliseconds of a commit; give a stray event time to show
        List<String> published = publishedForTenant();
        assertTrue(findings.isEmpty(), findings.size() + " of " + requests + " requests (seed " + seed + ") answered wrongly:\n"
                + String.join("\n", findings.stream().limit(50).map(Finding::toString).toList()));
        assertEquals(List.of(), published, "events of the fuzz tenant reached Redis");
    }

    /** Every entry of a per-type stream or of the workflow stream that carries the fuzz tenant's id. */
    private List<String> publishedForTenant() {
        List<String> found = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        redis.client().getKeys().getKeysByPattern("alga-psa:event-stream:*").forEach(streams::add);
        streams.add("workflow:events:global");
        for (String stream : streams) {
            if (!redis.client().getKeys().getType(stream).name().equals("STREAM")) {
                continue;
            }
            redis.entries(stream).stream().filter(entry -> entry.values().stream().anyMatch(v -> v != null && v.contains(tenant)))
                    .forEach(entry -> found.add(stream + " " + entry));
        }
        return found;
    }

    private List<Endpoint> endpoints() {
        Supplier<String> object = this::invalidObjectBody;
        Supplier<String> event = this::invalidEventBody;
        Supplier<String> batch = this::invalidBatchBody;
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET", "api/catalog?{catalogQuery}", false, null));
        e.add(new Endpoint("GET", "api/catalog/{seg}", false, null));
        e.add(new Endpoint("GET", "api/catalog/categories?{anyQuery}", false, null));
        e.add(new Endpoint("POST", "api/catalog/custom", true, object));
        e.add(new Endpoint("DELETE", "api/catalog/custom/{seg}", false, null));
        e.add(new Endpoint("PUT", "api/catalog/custom/{seg}", true, object));
        e.add(new Endpoint("POST", "api/simulator/events", true, event));
        e.add(new Endpoint("POST", "api/simulator/events", true, object));
        e.add(new Endpoint("GET", "api/simulator/simulations?{anyQuery}", false, null));
        e.add(new Endpoint("GET", "api/schemas/{seg}", false, null));
        e.add(new Endpoint("GET", "api/schemas/{seg}/example", false, null));
        e.add(new Endpoint("GET", "api/schemas/{seg}/form", false, null));
        e.add(new Endpoint("GET", "api/schemas/{seg}/versions", false, null));
        e.add(new Endpoint("POST", "api/events", true, event));
        e.add(new Endpoint("POST", "api/events", true, object));
        e.add(new Endpoint("POST", "api/events/batch", true, batch));
        e.add(new Endpoint("POST", "api/events/batch", true, object));
        e.add(new Endpoint("POST", "api/tickets", true, object));
        e.add(new Endpoint("PATCH", "api/tickets/{id}", true, object));
        for (String action : new String[] {"close", "reopen", "assignee", "resources", "comments"}) {
            e.add(new Endpoint("POST", "api/tickets/{id}/" + action, true, object));
        }
        for (String directory : new String[] {"statuses", "priorities", "boards", "contacts", "companies", "users"}) {
            e.add(new Endpoint("POST", "api/tickets/" + directory, true, object));
        }
        e.add(new Endpoint("DELETE", "api/tickets/{id}/assignee?actorUserId={value}", false, null));
        e.add(new Endpoint("GET", "api/tickets/{id}/notifications", false, null));
        e.add(new Endpoint("GET", "api/tickets/count?{anyQuery}", false, null));
        e.add(new Endpoint("POST", "api/projects", true, object));
        e.add(new Endpoint("PATCH", "api/projects/{id}", true, object));
        e.add(new Endpoint("POST", "api/projects/{id}/tasks", true, object));
        e.add(new Endpoint("PATCH", "api/projects/{id}/tasks/{id}", true, object));
        e.add(new Endpoint("POST", "api/projects/{id}/tasks/{id}/dependencies", true, object));
        e.add(new Endpoint("POST", "api/time-entries", true, object));
        e.add(new Endpoint("POST", "api/invoices", true, object));
        e.add(new Endpoint("GET", "api/workflows/definitions", false, null));
        e.add(new Endpoint("POST", "api/workflows/executions", true, object));
        e.add(new Endpoint("GET", "api/workflows/executions?correlationKey={value}", false, null));
        e.add(new Endpoint("GET", "api/workflows/executions?{pageQuery}", false, null));
        e.add(new Endpoint("GET", "api/workflows/executions/{id}", false, null));
        e.add(new Endpoint("POST", "api/workflows/executions/{id}/events", true, object));
        e.add(new Endpoint("POST", "api/workflows/executions/{id}/events:enqueue", true, object));
        e.add(new Endpoint("POST", "api/workflows/executions/{id}/events/{id}:retry", false, null));
        e.add(new Endpoint("POST", "api/workflows/executions/{id}/events/{id}:discard", false, null));
        e.add(new Endpoint("GET", "api/workflows/stream/dead-letters?count={value}", false, null));
        e.add(new Endpoint("POST", "api/workflows/stream/dead-letters/{id}/replay", false, null));
        e.add(new Endpoint("GET", "api/workflows/executions/{id}/state?{stateQuery}", false, null));
        e.add(new Endpoint("GET", "api/workflows/executions/{id}/journal?{pageQuery}", false, null));
        e.add(new Endpoint("GET", "api/workflows/executions/{id}/snapshots", false, null));
        e.add(new Endpoint("GET", "api/workflows/early-events", false, null));
        e.add(new Endpoint("PUT", "api/catalog", false, object));
        e.add(new Endpoint("GET", "api/{seg}", false, null));
        return e;
    }

    private String fill(String template) {
        String path = template;
        while (path.contains("{seg}")) {
            path = path.replaceFirst("\\{seg}", random.nextBoolean() ? pick(SEGMENTS) : encode(randomText(1 + random.nextInt(20))));
        }
        while (path.contains("{id}")) {
            path = path.replaceFirst("\\{id}", random.nextInt(3) == 0 ? pick(SEGMENTS) : UUID.randomUUID().toString());
        }
        path = path.replace("{value}", encode(randomText(random.nextInt(30))));
        path = path.replace("{catalogQuery}", query("page", "size", "sort", "order", "q", "category"));
        path = path.replace("{pageQuery}", query("page", "size"));
        path = path.replace("{stateQuery}", query("sequence", "until", "trace"));
        path = path.replace("{anyQuery}", query("page", "x", "tenantId"));
        return path;
    }

    private String query(String... names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            if (random.nextBoolean()) {
                parts.add(name + "=" + encode(parameterValue()));
            }
        }
        return String.join("&", parts);
    }

    private String parameterValue() {
        return switch (random.nextInt(9)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> "-" + random.nextInt(10);
            case 3 -> "2147483648";
            case 4 -> "1e3";
            case 5 -> "";
            case 6 -> pick(new String[] {"asc", "desc", "eventType", "displayName", "category", "true", "false", "maybe",
                "2024-05-01T12:00:00Z", "2024-13-45T99:00:00Z", "TICKET_CREATED", "Tickets"});
            case 7 -> String.valueOf(random.nextInt(300));
            default -> randomText(random.nextInt(40));
        };
    }

    /** A body no object-taking endpoint can accept: not JSON, JSON that is not an object, or members of the wrong type. */
    private String invalidObjectBody() {
        return switch (random.nextInt(8)) {
            case 0 -> randomText(random.nextInt(200));
            case 1 -> truncated(validEvent.toString());
            case 2 -> pick(new String[] {"", "[]", "[1,2,3]", "42", "-0.5e999", "\"text\"", "true", "{} trailing", "{\"a\":1,}",
                "{'single':'quotes'}", "{\"a\":NaN}", "\uFEFF{\"bom\":1", "{\"a\":\"\\uZZZZ\"}"});
            case 3 -> "[".repeat(1 + random.nextInt(20000)) + "]".repeat(random.nextInt(3));
            case 4 -> "{\"a\":" + "{\"a\":".repeat(random.nextInt(5000)) + "1";
            case 5 -> random.nextInt(10) == 0 ? "{\"title\":\"" + "x".repeat(MAX_BODY) + "\"}" : wrongTypedMembers();
            case 6 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
            default -> wrongTypedMembers();
        };
    }

    /** An object whose every member is of a type the endpoints' records cannot bind (objects and arrays for scalars). */
    private String wrongTypedMembers() {
        JsonObjectBuilder body = Json.createObjectBuilder();
        String[] names = {"tenantId", "title", "name", "ticketNumber", "statusId", "userId", "workflowName", "eventId", "eventName",
            "expectedSequence", "eventType", "displayName", "category", "schema", "payload", "amountCents", "actorUserId", "projectId",
            "dependsOnTaskId", "minutes", "clientId", "data", "channels"};
        int members = 1 + random.nextInt(names.length);
        for (int i = 0; i < members; i++) {
            body.add(pick(names), random.nextBoolean() ? Json.createArrayBuilder().add(randomText(5)).add(Json.createObjectBuilder()).build()
                    : Json.createObjectBuilder().add("nested", Json.createArrayBuilder().add(random.nextLong())).build());
        }
        // One member certainly of the wrong type: a record's string never binds an array of objects.
        return body.add(pick(names), Json.createArrayBuilder().add(Json.createObjectBuilder().add("x", 1))).build().toString();
    }

    /** An event the registry must refuse: an unknown type, or a known type whose tenantId is not a string. */
    private String invalidEventBody() {
        JsonObjectBuilder event = Json.createObjectBuilder();
        if (random.nextBoolean()) {
            event.add("eventType", randomText(1 + random.nextInt(30))).add("payload", randomObject(2));
        } else {
            JsonObjectBuilder payload = Json.createObjectBuilder(validEvent.getJsonObject("payload")).add("tenantId", random.nextInt());
            event.add("eventType", "TICKET_CREATED").add("payload", payload);
        }
        if (random.nextBoolean()) {
            event.add("channels", Json.createArrayBuilder().add(randomText(8)));
        }
        if (random.nextBoolean()) {
            event.add("idempotencyKey", randomText(random.nextInt(60)));
        }
        return random.nextInt(6) == 0 ? truncated(event.build().toString()) : event.build().toString();
    }

    /** A batch that must be refused whole: valid events around one invalid event, or an empty or oversized batch. */
    private String invalidBatchBody() {
        JsonArrayBuilder batch = Json.createArrayBuilder();
        switch (random.nextInt(4)) {
            case 0 -> {
                return "[]";
            }
            case 1 -> {
                for (int i = 0; i < 1001; i++) {
                    batch.add(JsonValue.EMPTY_JSON_OBJECT);
                }
            }
            default -> {
                int size = 1 + random.nextInt(5);
                int invalid = random.nextInt(size + 1);
                for (int i = 0; i <= size; i++) {
                    batch.add(i == invalid ? Json.createReader(new java.io.StringReader(invalidEventBodyJson())).readObject()
                            : validEvent);
                }
            }
        }
        return batch.build().toString();
    }

    private String invalidEventBodyJson() {
        String body;
        do {
            body = invalidEventBody();
        } while (!body.endsWith("}") || body.length() < 2 || !isJson(body));
        return body;
    }

    private static boolean isJson(String body) {
        try {
            Json.createReader(new java.io.StringReader(body)).readObject();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonObject randomObject(int depth) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            String name = randomText(1 + random.nextInt(10));
            switch (random.nextInt(depth > 0 ? 6 : 4)) {
                case 0 -> object.add(name, randomText(random.nextInt(20)));
                case 1 -> object.add(name, random.nextLong());
                case 2 -> object.add(name, random.nextDouble());
                case 3 -> object.add(name, JsonValue.NULL);
                case 4 -> object.add(name, randomObject(depth - 1));
                default -> object.add(name, Json.createArrayBuilder().add(randomObject(depth - 1)));
            }
        }
        return object.build();
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(Math.max(1, json.length() - 1)));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f); // printable ASCII, quotes and braces included
                case 1 -> 'a' + random.nextInt(26);
                case 2 -> 0xa0 + random.nextInt(0x2000); // Latin-1 supplement and beyond
                default -> random.nextBoolean() ? 0x1F4A5 : random.nextInt(0x20); // astral plane or a control character
            });
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "...(" + body.length() + " chars)" : body;
    }
}

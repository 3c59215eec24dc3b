package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and malformed requests on every operation of the live OpenAPI document, so that a route added later
 * is fuzzed without touching this test. Tenant routes are called with a tenant's token, the operator's routes
 * ({@code /api/relay}, {@code /api/subscribe}, {@code /api/workflows/stream}) with an operator's, each now and then
 * with the other's. Path parameters are, most of the time, the real ids of the tenant's own objects (a ticket, a
 * project and task, a time entry, an invoice, a payment, a workflow execution and its queued event, a custom catalog
 * type, a published event), so that the logic behind each route is reached and not only its 404; otherwise the
 * parameter's documented example or a random or malformed segment. Bodies are the route's documented example (with
 * the tenant's ids), mutations of it, or bodies invalid by construction.
 * <p>
 * Asserted: no answer is a 5xx; every error is a problem+json body (except the container's own refusal of a
 * malformed path, see URI_REJECTED); no write whose request is invalid by construction is accepted (see
 * {@link Validity}: a body that is not JSON, not of the route's shape, a member of the wrong type, a body cut short,
 * a body sent as text/plain, XML, a form or multipart); and every event of the fuzz tenant that reaches Redis carries
 * an event id some accepted write answered with. Writes whose validity the test cannot decide (the documented
 * example, a member dropped, nulled or given another value of its type, a body-less write, a route's example sent
 * with an odd but JSON-ish Content-Type) are only held to "no 5xx, errors are problems".
 * <p>
 * Two runs: one with a fixed seed ({@link #FIXED_SEED}, or -Dherald.fuzz.seed=N) that is the same in every build, and
 * one with a fresh random seed. Given -Dherald.fuzz.seed the random run is skipped, so that a printed seed repeats
 * exactly the same sequence of requests (the tenant and the ids the server creates are new each time). Each run
 * prints one line {@code ApiFuzzIT result seed=N kind=fixed|random requests=N statuses=200:n,400:n,... findings=N}
 * and its findings; -Dherald.fuzz.requests=N sets the number of requests of each run. The requests are logged to
 * target/api-fuzz-requests-SEED.log.
 */
class ApiFuzzIT extends RedisPipelineTestBase {

    /** The seed of the run every build repeats. */
    static final long FIXED_SEED = 20261207L;
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final int MAX_BODY = 1024 * 1024;
    /**
     * The one error that is not a problem body: Servlet 6 requires the container to refuse a path with suspicious
     * encoded characters (%00, control characters, an encoded dot segment) with 400 before any application sees it,
     * and Liberty's page for it (CWWWC0005I) ignores the WAR's error pages. Counted, not a finding.
     */
    private static final String URI_REJECTED = "CWWWC0005I";
    private static final String[] SEGMENTS = {"x", "..", "%2e%2e", "TICKET_CREATED", "payload.TicketCreated.v1", "%00", "%F0%9F%92%A5",
        "a%20b", "-1", "0", "99999999999999999999", "%25", "null", "%5B%5D", "%7B%7D", "'", "%22", "%C3%A9", "TicketCreated"};
    /** Content types a JSON body must not be accepted with. */
    private static final String[] NOT_JSON = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x"};
    /** Content types whose acceptance of a JSON body the test does not judge. */
    private static final String[] ODD_JSON = {"application/json; charset=UTF-8", "application/json; charset=bogus", "*/*", "",
        "application/problem+json"};
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Test hooks (the probes WAR, never in production): the publish load, rollback, crashed worker and subscribers' probes. */
    private static final Pattern NOT_FUZZED = Pattern.compile("/probes(/|$)");
    private static final Pattern OPERATOR_ROUTE = Pattern.compile("^/api/(relay|subscribe|workflows/stream)(/|$)");
    /** Body members that name one of the tenant's objects: filled with its id. */
    private static final List<String> ID_MEMBERS = List.of("ticketId", "projectId", "taskId", "dependsOnTaskId", "statusId",
        "workItemId", "executionId", "clientId", "invoiceId", "paymentId", "userId", "authorUserId");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What the test knows of a write's validity: invalid by construction, or not decided. */
    enum Validity { INVALID, UNDECIDED }

    private record Operation(String method, String template, boolean operatorRoute, String example, boolean takesBody,
                             Map<String, String> pathExamples, Map<String, String> queryExamples) {
    }

    private record Body(String text, Validity validity) {
    }

    private record Finding(String request, int status, String why, String body) {
        @Override
        public String toString() {
            return request + " -> " + status + " (" + why + "): " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final Map<String, String> idOf = new LinkedHashMap<>();
    /** A second object of the kind in an earlier state (a time entry not submitted, an invoice not finalized): half the time's id. */
    private final Map<String, String> draftOf = new LinkedHashMap<>();
    /** Every string an accepted write answered with: the ids of the events the fuzz tenant may publish. */
    private final Set<String> accountedIds = new HashSet<>();
    private final String tenantToken = Tokens.tenantAdmin(tenant);
    private final String operatorToken = Tokens.of("platform", "operator");
    private Random random;
    private JsonObject validEvent;
    /** The scalar members of the example of the route a body is being made for: the ones wrongTypedMembers breaks. */
    private List<String> exampleScalars = List.of();
    /** A status that closes a ticket: a body's statusId is it or the open one. */
    private String closedStatus;

    @Test
    void fixedSeed() throws Exception {
        fuzz(Long.getLong("herald.fuzz.seed", FIXED_SEED), "fixed");
    }

    @Test
    void randomSeed() throws Exception {
        assumeTrue(System.getProperty("herald.fuzz.seed") == null, "-Dherald.fuzz.seed repeats one run only");
        fuzz(new Random().nextLong(), "random");
    }

    private void fuzz(long seed, String kind) throws Exception {
        random = new Random(seed);
        int requests = Integer.getInteger("herald.fuzz.requests", 1200);
        System.out.println("ApiFuzzIT seed=" + seed + " kind=" + kind + " requests=" + requests + " tenant=" + tenant
                + " (rerun with -Dherald.fuzz.seed=" + seed + ")");
        createTheObjectsOfTheTenant();
        validEvent = Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", herald.get("api/catalog/TICKET_CREATED").json().getJsonObject("examplePayload")).build();
        List<Operation> operations = operations();
        assertTrue(operations.size() > 40, "the OpenAPI document lists the API's operations: " + operations.size());
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> reached = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        int containerRejected = 0;
        int invalidWrites = 0;
        long started = System.nanoTime();
        java.nio.file.Path trail = java.nio.file.Path.of("target", "api-fuzz-requests-" + seed + ".log");
        // An OutputStreamWriter replaces what it cannot encode (a surrogate cut in half): a BufferedWriter of
        // Files.newBufferedWriter would fail, and the PrintWriter swallow the failure and write garbage from then on.
        try (java.io.PrintWriter log = new java.io.PrintWriter(new java.io.OutputStreamWriter(java.nio.file.Files.newOutputStream(trail),
                StandardCharsets.UTF_8), true)) {
            for (int i = 0; i < requests; i++) {
                Operation operation = operations.get(random.nextInt(operations.size()));
                boolean asOperator = operation.operatorRoute() != (random.nextInt(10) == 0);
                String path = fill(operation) + query(operation);
                Body body = body(operation);
                boolean write = !operation.method().equals("GET");
                String contentType = null;
                Validity validity = body == null ? Validity.UNDECIDED : body.validity();
                if (body != null) {
                    int type = random.nextInt(10);
                    if (type == 0) {
                        contentType = pick(NOT_JSON);
                        validity = operation.takesBody() ? Validity.INVALID : validity;
                    } else if (type == 1) {
                        contentType = pick(ODD_JSON);
                    } else {
                        contentType = "application/json";
                    }
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(herald.uri(path.substring(1)));
                if (contentType != null && !contentType.isEmpty()) {
                    request.header("Content-Type", contentType);
                }
                request.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8));
                String described = (asOperator ? "operator " : "tenant ") + operation.method() + " " + path
                        + (contentType == null ? "" : " [" + contentType + "] ") + (body == null ? "" : abbreviate(body.text()))
                        + (write ? " {" + validity + "}" : "");
                log.println(i + " " + described); // the request in flight, should the server never answer it
                Answer answer;
                try {
                    answer = send(request, asOperator ? operatorToken : tenantToken);
                } catch (java.io.IOException e) {
                    findings.add(new Finding(described, -1, "no answer: " + e, ""));
                    continue;
                }
                int status = answer.status();
                log.println(i + " -> " + status + " " + abbreviate(answer.body()));
                statuses.merge(status, 1, Integer::sum);
                if (status != 404 && status != 405) {
                    reached.add(operation.method() + " " + operation.template());
                }
                if (status < 300) {
                    accepted.add(operation.method() + " " + operation.template());
                }
                if (write && validity == Validity.INVALID) {
                    invalidWrites++;
                }
                if (status >= 500) {
                    findings.add(new Finding(described, status, "server error", answer.body()));
                } else if (status == 400 && answer.body().contains(URI_REJECTED)) {
                    containerRejected++;
                } else if (status >= 400) {
                    ProblemAnswers.defect(status, answer.contentType(), answer.body())
                            .ifPresent(defect -> findings.add(new Finding(described, status, defect, answer.body())));
                } else if (write) {
                    if (validity == Validity.INVALID) {
                        findings.add(new Finding(described, status, "an invalid write was accepted", answer.body()));
                    }
                    account(answer.body());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(2000); // the relay writes within milliseconds of a commit; give a stray event time to show
        Map<String, String> published = publishedForTenant();
        List<String> unaccounted = published.entrySet().stream()
                .filter(e -> e.getValue() == null || !accountedIds.contains(e.getValue())).map(Map.Entry::getKey).toList();
        unaccounted.forEach(entry -> findings.add(new Finding("(published)", 0, "an event no accepted write answered with", entry)));
        System.out.printf("ApiFuzzIT result seed=%d kind=%s requests=%d statuses=%s containerRejected=%d invalidWrites=%d "
                        + "operations=%d reachedPastRouting=%d accepted=%d published=%d seconds=%.1f findings=%d%n", seed, kind, requests,
                statuses.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(java.util.stream.Collectors.joining(",")),
                containerRejected, invalidWrites, operations.size(), reached.size(), accepted.size(), published.size(), seconds,
                findings.size());
        System.out.println("ApiFuzzIT never answered 2xx seed=" + seed + ": " + operations.stream()
                .map(o -> o.method() + " " + o.template()).filter(o -> !accepted.contains(o)).sorted().toList());
        findings.forEach(f -> System.out.println("ApiFuzzIT finding seed=" + seed + " " + f));

        assertTrue(findings.isEmpty(), findings.size() + " of " + requests + " requests (seed " + seed + ") answered wrongly:\n"
                + String.join("\n", findings.stream().limit(50).map(Finding::toString).toList()));
    }

    /** Every operation of /openapi but the test hooks, and two the API does not have (an unknown path, a wrong method). */
    private List<Operation> operations() throws Exception {
        JsonObject paths = new HeraldClient().get("openapi?format=JSON").json().getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        for (String template : new java.util.TreeSet<>(paths.keySet())) {
            if (NOT_FUZZED.matcher(template).find()) {
                continue;
            }
            JsonObject item = paths.getJsonObject(template);
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!item.containsKey(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                Map<String, String> pathExamples = new LinkedHashMap<>();
                Map<String, String> queryExamples = new LinkedHashMap<>();
                List<JsonValue> parameters = new ArrayList<>();
                if (item.containsKey("parameters")) {
                    parameters.addAll(item.getJsonArray("parameters"));
                }
                if (operation.containsKey("parameters")) {
                    parameters.addAll(operation.getJsonArray("parameters"));
                }
                for (JsonValue value : parameters) {
                    JsonObject parameter = value.asJsonObject();
                    String example = parameter.containsKey("example") ? OpenApiOperations.text(parameter.get("example")) : null;
                    if ("path".equals(parameter.getString("in", ""))) {
                        pathExamples.put(parameter.getString("name"), example);
                    } else if ("query".equals(parameter.getString("in", ""))) {
                        queryExamples.put(parameter.getString("name"), example);
                    }
                }
                String example = OpenApiOperations.exampleBody(operation);
                operations.add(new Operation(method.toUpperCase(), template, OPERATOR_ROUTE.matcher(template).find(), example,
                        operation.containsKey("requestBody"), pathExamples, queryExamples));
            }
        }
        operations.add(new Operation("GET", "/api/{seg}", false, null, false, Map.of(), Map.of()));
        operations.add(new Operation("PUT", "/api/catalog", false, "{}", false, Map.of(), Map.of()));
        return operations;
    }

    /** The tenant's objects, whose ids the routes' parameters get; as CrossTenantIT creates them. */
    private void createTheObjectsOfTheTenant() throws Exception {
        String open = created(herald.post("api/tickets/statuses", Json.createObjectBuilder().add("name", "Open").build()), "id");
        idOf.put("statusId", open);
        closedStatus = created(herald.post("api/tickets/statuses", Json.createObjectBuilder().add("name", "Closed").add("closed", true)
                .build()), "id");
        String agent = created(herald.post("api/tickets/users", Json.createObjectBuilder().add("name", "Fuzz agent")
                .add("email", "agent@fuzz.test").build()), "userId");
        idOf.put("userId", agent);
        idOf.put("authorUserId", agent);
        idOf.put("ticketId", created(herald.post("api/tickets", Json.createObjectBuilder().add("ticketNumber", "F-1")
                .add("title", "Fuzzed ticket").add("statusId", open).add("actorUserId", USER).build()), "ticketId"));
        idOf.put("projectId", created(herald.post("api/projects", Json.createObjectBuilder().add("name", "Fuzzed project")
                .add("actorUserId", USER).build()), "id"));
        idOf.put("taskId", created(herald.post("api/projects/" + idOf.get("projectId") + "/tasks",
                Json.createObjectBuilder().add("title", "Install").build()), "id"));
        idOf.put("dependsOnTaskId", created(herald.post("api/projects/" + idOf.get("projectId") + "/tasks",
                Json.createObjectBuilder().add("title", "Order").build()), "id"));
        String client = UUID.randomUUID().toString();
        idOf.put("clientId", client);
        idOf.put("workItemId", idOf.get("ticketId"));
        String entry = created(herald.post("api/time-entries", Json.createObjectBuilder().add("clientId", client)
                .add("workItemId", idOf.get("ticketId")).add("workItemType", "ticket").add("minutes", 60).add("rateCents", 10_000)
                .add("actorUserId", USER).build()), "id");
        idOf.put("/time-entries/{id}", entry);
        draftOf.put("/time-entries/{id}", created(herald.post("api/time-entries", Json.createObjectBuilder().add("clientId", client)
                .add("workItemId", idOf.get("ticketId")).add("workItemType", "ticket").add("minutes", 30).add("rateCents", 10_000)
                .add("actorUserId", USER).build()), "id"));
        created(herald.post("api/time-entries/" + entry + "/submit", actor()), "id");
        created(herald.post("api/time-entries/" + entry + "/approve", actor()), "id");
        String invoice = created(herald.post("api/invoices", Json.createObjectBuilder().add("clientId", client).add("currency", "EUR")
                .add("dueDate", "2026-01-01").add("actorUserId", USER).build()), "id");
        idOf.put("/invoices/{id}", invoice);
        idOf.put("invoiceId", invoice);
        created(herald.post("api/invoices/" + invoice + "/finalize", actor()), "id");
        created(herald.post("api/invoices/" + invoice + "/send", Json.createObjectBuilder().add("deliveryMethod", "email")
                .add("actorUserId", USER).build()), "id");
        idOf.put("/payments/{id}", created(herald.post("api/invoices/" + invoice + "/payments", Json.createObjectBuilder()
                .add("amountCents", 1_000).add("method", "card").add("actorUserId", USER).build()), "id"));
        idOf.put("paymentId", idOf.get("/payments/{id}"));
        String more = created(herald.post("api/time-entries", Json.createObjectBuilder().add("clientId", client)
                .add("workItemId", idOf.get("ticketId")).add("workItemType", "ticket").add("minutes", 90).add("rateCents", 10_000)
                .add("actorUserId", USER).build()), "id");
        created(herald.post("api/time-entries/" + more + "/submit", actor()), "id");
        created(herald.post("api/time-entries/" + more + "/approve", actor()), "id");
        draftOf.put("/invoices/{id}", created(herald.post("api/invoices", Json.createObjectBuilder().add("clientId", client)
                .add("currency", "EUR").add("dueDate", "2027-01-01").add("actorUserId", USER).build()), "id"));
        String execution = created(herald.post("api/workflows/executions", Json.createObjectBuilder()
                .add("workflowName", WorkflowApi.LIFECYCLE).add("correlationKey", "ticket-" + UUID.randomUUID()).build()), "executionId");
        idOf.put("/executions/{id}", execution);
        idOf.put("executionId", execution);
        String queued = UUID.randomUUID().toString();
        HeraldClient.Reply enqueued = herald.post("api/workflows/executions/" + execution + "/events:enqueue",
                Json.createObjectBuilder().add("eventId", queued).add("eventName", "TICKET_ASSIGNED")
                        .add("payload", Json.createObjectBuilder().add("assignedToUserId", USER)).build());
        assertTrue(enqueued.status() < 300, enqueued.body());
        account(enqueued.body());
        idOf.put("eventId", queued);
        String customType = "FUZZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        created(herald.post("api/catalog/custom", Json.createObjectBuilder().add("eventType", customType).add("displayName", "Fuzzed")
                .add("category", "Widgets").add("schema", Json.createObjectBuilder().add("type", "object")).build()), "eventType");
        idOf.put("eventType", customType);
        HeraldClient.Reply published = herald.post("api/events", Events.ticketCreated(tenant).build());
        assertEquals(202, published.status(), published.body());
        account(published.body());
        idOf.put("/failed/{eventId}", published.json().getString("eventId"));
    }

    /** The route's path: each parameter the tenant's own id most of the time, else its documented example or a random segment. */
    private String fill(Operation operation) {
        Matcher parameter = PARAMETER.matcher(operation.template());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String before = operation.template().substring(0, parameter.start());
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2));
            String key = collection + "{" + name + "}";
            String real = draftOf.containsKey(key) && random.nextBoolean() ? draftOf.get(key) : idOf.getOrDefault(key, idOf.get(name));
            String example = operation.pathExamples().get(name);
            int dice = random.nextInt(20);
            String value;
            if (real != null && dice < 14) {
                value = real;
            } else if (example != null && dice < 16) {
                value = encode(example);
            } else {
                value = switch (random.nextInt(3)) {
                    case 0 -> pick(SEGMENTS);
                    case 1 -> encode(randomText(1 + random.nextInt(20)));
                    default -> new UUID(random.nextLong(), random.nextLong()).toString();
                };
            }
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** Some of the route's documented query parameters, each its example or a random value, now and then an unknown one. */
    private String query(Operation operation) {
        List<String> parts = new ArrayList<>();
        operation.queryExamples().forEach((name, example) -> {
            if (random.nextBoolean()) {
                parts.add(name + "=" + encode(example != null && random.nextBoolean() ? example : parameterValue()));
            }
        });
        if (random.nextInt(10) == 0) {
            parts.add(pick(new String[] {"page", "size", "tenantId", "x", "types"}) + "=" + encode(parameterValue()));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The body of the request and what is known of its validity, or null for none. */
    private Body body(Operation operation) {
        if (!operation.takesBody()) {
            // A body-less route given a body now and then: it may ignore it, so nothing is decided.
            return random.nextInt(8) == 0 ? new Body(invalidObjectBody(), Validity.UNDECIDED) : null;
        }
        boolean events = operation.template().equals("/api/events") || operation.template().equals("/api/simulator/events");
        boolean batch = operation.template().equals("/api/events/batch");
        JsonValue example = operation.example() == null ? null : parse(operation.example());
        int dice = random.nextInt(20);
        if (example != null && dice < 5) {
            return new Body(withIds(example).toString(), Validity.UNDECIDED);
        }
        if (example != null && dice < 10) {
            return new Body(undecidedMutation(withIds(example)).toString(), Validity.UNDECIDED);
        }
        if (example != null && dice < 14) {
            String invalid = invalidMutation(withIds(example));
            if (invalid != null) {
                return new Body(invalid, Validity.INVALID);
            }
        }
        if (events && dice < 17) {
            return new Body(invalidEventBody(), Validity.INVALID);
        }
        if (batch && dice < 17) {
            return new Body(invalidBatchBody(), Validity.INVALID);
        }
        exampleScalars = example == null ? List.of() : scalarMembers(example);
        String text = invalidObjectBody();
        return new Body(text, validityOf(text, example));
    }

    /**
     * Whether a generated body is invalid for a route with this example: too large, not JSON, JSON of another shape, or a
     * member the example has as a scalar given an array or object. Members the route's record does not have are
     * ignored by the API, so an object that breaks none of the example's members is undecided, as is an empty body.
     */
    private static Validity validityOf(String text, JsonValue example) {
        if (text.length() > MAX_BODY) {
            return Validity.INVALID;
        }
        if (text.isBlank()) {
            return Validity.UNDECIDED;
        }
        JsonValue body;
        try {
            body = parse(text);
        } catch (RuntimeException notJson) {
            return Validity.INVALID;
        }
        JsonValue.ValueType shape = example == null ? JsonValue.ValueType.OBJECT : example.getValueType();
        if (body.getValueType() != shape) {
            return Validity.INVALID;
        }
        if (shape == JsonValue.ValueType.ARRAY) {
            return body.asJsonArray().isEmpty() || body.asJsonArray().stream()
                    .anyMatch(element -> element.getValueType() != JsonValue.ValueType.OBJECT) ? Validity.INVALID : Validity.UNDECIDED;
        }
        if (shape != JsonValue.ValueType.OBJECT || example == null) {
            return Validity.UNDECIDED;
        }
        JsonObject documented = example.asJsonObject();
        boolean mistyped = body.asJsonObject().entrySet().stream().anyMatch(member -> scalarMembers(documented).contains(member.getKey())
                && (member.getValue().getValueType() == JsonValue.ValueType.ARRAY
                || member.getValue().getValueType() == JsonValue.ValueType.OBJECT));
        return mistyped ? Validity.INVALID : Validity.UNDECIDED;
    }

    /** The names of the example's members whose values are strings, numbers or booleans. */
    private static List<String> scalarMembers(JsonValue example) {
        if (example.getValueType() != JsonValue.ValueType.OBJECT) {
            return List.of();
        }
        return example.asJsonObject().entrySet().stream().filter(e -> switch (e.getValue().getValueType()) {
            case STRING, NUMBER, TRUE, FALSE -> true;
            default -> false;
        }).map(Map.Entry::getKey).toList();
    }

    /** The example with the tenant's ids in the members that name its objects, and the tenant as tenantId. */
    private JsonValue withIds(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                value.asJsonObject().forEach((name, member) -> {
                    if (member.getValueType() == JsonValue.ValueType.STRING && name.equals("tenantId")) {
                        object.add(name, tenant);
                    } else if (member.getValueType() == JsonValue.ValueType.STRING && ID_MEMBERS.contains(name)
                            && idOf.containsKey(name) && random.nextInt(4) != 0) {
                        object.add(name, name.equals("statusId") && random.nextBoolean() ? closedStatus : idOf.get(name));
                    } else {
                        object.add(name, withIds(member));
                    }
                });
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                value.asJsonArray().forEach(element -> array.add(withIds(element)));
                yield array.build();
            }
            default -> value;
        };
    }

    /** A change of the example whose validity the test does not decide: a member dropped, nulled, or of another value of its type. */
    private JsonValue undecidedMutation(JsonValue example) {
        if (example.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray array = example.asJsonArray();
            JsonArrayBuilder mutated = Json.createArrayBuilder();
            array.forEach(element -> mutated.add(random.nextInt(3) == 0 ? undecidedMutation(element) : element));
            if (random.nextInt(4) == 0 && !array.isEmpty()) {
                mutated.add(array.get(0));
            }
            return mutated.build();
        }
        if (example.getValueType() != JsonValue.ValueType.OBJECT || example.asJsonObject().isEmpty()) {
            return example;
        }
        JsonObject object = example.asJsonObject();
        List<String> names = new ArrayList<>(object.keySet());
        String name = names.get(random.nextInt(names.size()));
        JsonValue member = object.get(name);
        JsonObjectBuilder mutated = Json.createObjectBuilder(object);
        switch (random.nextInt(5)) {
            case 0 -> mutated.remove(name);
            case 1 -> mutated.add(name, JsonValue.NULL);
            case 2 -> mutated.add(randomText(1 + random.nextInt(10)), randomText(random.nextInt(10)));
            default -> {
                switch (member.getValueType()) {
                    case STRING -> mutated.add(name, random.nextBoolean() ? randomText(random.nextInt(300))
                            : pick(new String[] {"", " ", "TICKET_CREATED", tenant, USER, idOf.get("ticketId"), "2024-13-45",
                                "x".repeat(5000), "\u0000"}));
                    case NUMBER -> mutated.add(name, pick(new long[] {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
                        Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong()}));
                    case TRUE, FALSE -> mutated.add(name, random.nextBoolean());
                    case OBJECT -> mutated.add(name, random.nextBoolean() ? undecidedMutation(member) : randomObject(2));
                    case ARRAY -> mutated.add(name, random.nextBoolean() ? JsonValue.EMPTY_JSON_ARRAY : undecidedMutation(member));
                    default -> mutated.add(name, randomText(5));
                }
            }
        }
        return mutated.build();
    }

    /**
     * A change that makes the example invalid whatever the route: a scalar member given an array of objects (no
     * string, number or boolean binds one), the body cut short, or the object wrapped in an array; null when the
     * example has nothing to break that way.
     */
    private String invalidMutation(JsonValue example) {
        int dice = random.nextInt(4);
        if (dice == 0) {
            String text = truncated(example.toString());
            return text.isBlank() ? null : text;
        }
        if (dice == 1 && example.getValueType() == JsonValue.ValueType.OBJECT) {
            return Json.createArrayBuilder().add(example).build().toString();
        }
        JsonObject object = example.getValueType() == JsonValue.ValueType.OBJECT ? example.asJsonObject()
                : example.getValueType() == JsonValue.ValueType.ARRAY && !example.asJsonArray().isEmpty()
                && example.asJsonArray().get(0).getValueType() == JsonValue.ValueType.OBJECT
                ? example.asJsonArray().getJsonObject(0) : null;
        if (object == null) {
            return null;
        }
        List<String> scalars = object.entrySet().stream().filter(e -> switch (e.getValue().getValueType()) {
            case STRING, NUMBER, TRUE, FALSE -> true;
            default -> false;
        }).map(Map.Entry::getKey).toList();
        if (scalars.isEmpty()) {
            return null;
        }
        JsonObject broken = Json.createObjectBuilder(object).add(scalars.get(random.nextInt(scalars.size())),
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("x", 1))).build();
        if (example.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder array = Json.createArrayBuilder(example.asJsonArray());
            return array.set(0, broken).build().toString();
        }
        return broken.toString();
    }

    /** Sends the request with the token; an SSE stream that starts is closed at once and answers with no body. */
    private static Answer send(HttpRequest.Builder request, String token) throws java.io.IOException, InterruptedException {
        request.header("Authorization", "Bearer " + token);
        HttpResponse<InputStream> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            String body = contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), contentType, body);
        }
    }

    /** Remembers every string of an accepted write's answer: the event ids it published are among them. */
    private void account(String body) {
        try {
            collectStrings(parse(body), accountedIds);
        } catch (RuntimeException notJson) {
            // an answer without JSON names no event
        }
    }

    private static void collectStrings(JsonValue value, Set<String> into) {
        switch (value.getValueType()) {
            case STRING -> into.add(((JsonString) value).getString());
            case OBJECT -> value.asJsonObject().values().forEach(v -> collectStrings(v, into));
            case ARRAY -> value.asJsonArray().forEach(v -> collectStrings(v, into));
            default -> {
            }
        }
    }

    /** Every entry of a per-type stream or of the workflow stream that carries the fuzz tenant's id, with its event id. */
    private Map<String, String> publishedForTenant() {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> streams = new ArrayList<>();
        redis.client().getKeys().getKeysByPattern("alga-psa:event-stream:*").forEach(streams::add);
        streams.add(WORKFLOW_STREAM);
        for (String stream : streams) {
            if (!redis.client().getKeys().getType(stream).name().equals("STREAM")) {
                continue;
            }
            redis.entries(stream).stream().filter(entry -> entry.values().stream().anyMatch(v -> v != null && v.contains(tenant)))
                    .forEach(entry -> found.put(stream + " " + entry, eventIdOf(entry)));
        }
        return found;
    }

    private static String eventIdOf(Map<String, String> entry) {
        if (entry.containsKey("event_id")) {
            return entry.get("event_id");
        }
        try {
            return Events.id(entry);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }

    private void created(HeraldClient.Reply reply) {
        assertTrue(reply.status() >= 200 && reply.status() < 300, reply.status() + " " + reply.body());
        account(reply.body());
    }

    private String created(HeraldClient.Reply reply, String field) {
        created(reply);
        return reply.json().getString(field);
    }

    private static JsonObject actor() {
        return Json.createObjectBuilder().add("actorUserId", USER).build();
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
        return body.add(exampleScalars.isEmpty() ? pick(names) : exampleScalars.get(random.nextInt(exampleScalars.size())), Json.createArrayBuilder().add(Json.createObjectBuilder().add("x", 1))).build().toString();
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

    private long pick(long[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String body) {
        if (body.length() <= 120) {
            return body;
        }
        int end = Character.isHighSurrogate(body.charAt(119)) ? 119 : 120;
        return body.substring(0, end) + "...(" + body.length() + " chars)";
    }
}

package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tenant B calls every id-bearing route of the API on tenant A's objects. The routes come from the live OpenAPI
 * document, so a route added later is covered without touching this test; the body of each call is the route's own
 * documented example. B must get 403 or 404, nothing may be published, and A's objects must read as before.
 */
class CrossTenantIT extends RedisPipelineTestBase {

    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Routes of the test probes (their own WAR, never in production) and of tenant-less reference data (schemas, subscribers). */
    private static final Pattern NOT_TENANT_DATA = Pattern.compile("/probes/|\\{ref}|\\{name}|\\{subscriberId}");

    private final Map<String, String> idOf = new LinkedHashMap<>();

    @Test
    void anotherTenantReachesNoneOfATenantsObjectsThroughAnyRoute() throws Exception {
        createTheObjectsOfTenantA();
        Map<String, String> before = viewsOfA();
        int eventsOfA = workflowEntriesOf(tenant).size();
        String other = UUID.randomUUID().toString();
        HeraldClient tenantB = HeraldClient.of(other);

        JsonObject paths = new HeraldClient().get("openapi?format=JSON").json().getJsonObject("paths");
        List<String> leaks = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int calls = 0;
        for (Map.Entry<String, JsonValue> route : paths.entrySet()) {
            String template = route.getKey();
            if (!template.contains("{") || NOT_TENANT_DATA.matcher(template).find()) {
                continue;
            }
            for (Map.Entry<String, JsonValue> operation : route.getValue().asJsonObject().entrySet()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String path = withIdsOfA(template);
                String body = OpenApiOperations.exampleBody(operation.getValue().asJsonObject());
                HttpRequest.Builder request = HttpRequest.newBuilder(tenantB.uri(path.substring(1)))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                HttpResponse<String> answer = tenantB.exchange(request);
                calls++;
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() != 403 && answer.statusCode() != 404) {
                    leaks.add(method + " " + path + " -> " + answer.statusCode() + " " + abbreviated(answer.body()));
                }
            }
        }
        System.out.println("CrossTenantIT: " + calls + " calls by tenant B on tenant A's ids, statuses " + statuses);
        assertTrue(calls >= 30, "the OpenAPI document lists the id-bearing routes: " + calls);
        assertEquals(List.of(), leaks, "tenant B's calls on tenant A's objects that were not refused with 403 or 404");
        assertEquals(before, viewsOfA(), "tenant A's objects read as before");
        HeraldClient.Reply barrier = herald.post("api/events", Events.projectCreated(tenant).build());
        assertEquals(202, barrier.status(), barrier.body());
        awaitEntry(Events.PROJECT_CREATED_STREAM, barrier.json().getString("eventId"));
        String barrierId = barrier.json().getString("eventId");
        Eventually.await("the barrier on the workflow stream", PIPELINE, () -> workflowEntriesOf(tenant).stream()
                .anyMatch(e -> barrierId.equals(e.get("event_id"))) ? Boolean.TRUE : null);
        assertEquals(eventsOfA + 1, workflowEntriesOf(tenant).size(), "nothing published for A but the barrier");
        assertEquals(List.of(), workflowEntriesOf(other), "nothing published for B");
    }

    private void createTheObjectsOfTenantA() throws Exception {
        String open = created(herald.post("api/tickets/statuses", Json.createObjectBuilder().add("name", "Open").build()), "id");
        idOf.put("ticketId", created(herald.post("api/tickets", Json.createObjectBuilder().add("ticketNumber", "A-1")
                .add("title", "A's ticket").add("statusId", open).add("actorUserId", USER).build()), "ticketId"));
        idOf.put("projectId", created(herald.post("api/projects", Json.createObjectBuilder().add("name", "A's project")
                .add("actorUserId", USER).build()), "id"));
        idOf.put("taskId", created(herald.post("api/projects/" + idOf.get("projectId") + "/tasks",
                Json.createObjectBuilder().add("title", "Install").build()), "id"));
        String client = UUID.randomUUID().toString();
        String entry = created(herald.post("api/time-entries", Json.createObjectBuilder().add("clientId", client)
                .add("workItemId", idOf.get("ticketId")).add("workItemType", "ticket").add("minutes", 60).add("rateCents", 10_000)
                .add("actorUserId", USER).build()), "id");
        idOf.put("/time-entries/{id}", entry);
        created(herald.post("api/time-entries/" + entry + "/submit", actor()), "id");
        created(herald.post("api/time-entries/" + entry + "/approve", actor()), "id");
        String invoice = created(herald.post("api/invoices", Json.createObjectBuilder().add("clientId", client).add("currency", "EUR")
                .add("dueDate", "2026-01-01").add("actorUserId", USER).build()), "id");
        idOf.put("/invoices/{id}", invoice);
        created(herald.post("api/invoices/" + invoice + "/finalize", actor()), "id");
        created(herald.post("api/invoices/" + invoice + "/send", Json.createObjectBuilder().add("deliveryMethod", "email")
                .add("actorUserId", USER).build()), "id");
        idOf.put("/payments/{id}", created(herald.post("api/invoices/" + invoice + "/payments", Json.createObjectBuilder()
                .add("amountCents", 1_000).add("method", "card").add("actorUserId", USER).build()), "id"));
        WorkflowApi workflows = new WorkflowApi(tenant);
        String execution = workflows.start("ticket-" + UUID.randomUUID());
        idOf.put("/executions/{id}", execution);
        String queued = UUID.randomUUID().toString();
        HeraldClient.Reply enqueued = workflows.enqueue(execution, queued, "TICKET_ASSIGNED",
                Json.createObjectBuilder().add("assignedToUserId", USER).build());
        assertTrue(enqueued.status() < 300, enqueued.body());
        idOf.put("eventId", queued);
        // A's own worker applies the event: wait for it, so that A's views change only if B changes them.
        Eventually.await("A's queued event applied", PIPELINE, () -> {
            try {
                String journal = herald.get("api/workflows/executions/" + execution + "/journal").body();
                return journal.contains("PENDING") || journal.contains("PROCESSING") ? null : Boolean.TRUE;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String customType = "A_ONLY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        created(herald.post("api/catalog/custom", Json.createObjectBuilder().add("eventType", customType).add("displayName", "A only")
                .add("category", "Widgets").add("schema", Json.createObjectBuilder().add("type", "object")).build()), "eventType");
        idOf.put("eventType", customType);
    }

    /** What A reads of its own objects; B's calls must change none of it. */
    private Map<String, String> viewsOfA() throws Exception {
        Map<String, String> views = new TreeMap<>();
        for (String path : List.of("api/workflows/executions/" + idOf.get("/executions/{id}"),
                "api/workflows/executions/" + idOf.get("/executions/{id}") + "/journal", "api/catalog/" + idOf.get("eventType"),
                "api/tickets/count", "api/tickets/" + idOf.get("ticketId") + "/notifications")) {
            HeraldClient.Reply reply = herald.get(path);
            assertEquals(200, reply.status(), path + ": " + reply.body());
            views.put(path, reply.body());
        }
        return views;
    }

    /** The template with A's ids: a parameter named after its object, or {id} by the collection it follows. */
    private String withIdsOfA(String template) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String before = template.substring(0, parameter.start());
            String collection = before.substring(before.lastIndexOf('/', before.length() - 2));
            String id = idOf.getOrDefault(collection + "{" + name + "}", idOf.getOrDefault(name, UUID.randomUUID().toString()));
            parameter.appendReplacement(path, Matcher.quoteReplacement(id));
        }
        parameter.appendTail(path);
        return path.toString();
    }


    private static String created(HeraldClient.Reply reply, String field) {
        assertTrue(reply.status() >= 200 && reply.status() < 300, reply.status() + " " + reply.body());
        return reply.json().getString(field);
    }

    private static JsonObject actor() {
        return Json.createObjectBuilder().add("actorUserId", USER).build();
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}

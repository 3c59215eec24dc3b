package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live tail (GET /api/tail, SSE) on the real server: the caller's tenant's events as the relay publishes them. */
@ExtendWith(ArquillianExtension.class)
class LiveTailIT {

    /** Relay path end to end (HTTP, broker, MDB, Redis pub/sub, SSE): generous for a loaded machine. */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    /** How long a tail is watched for an event that must not come, after the proof that it was published. */
    private static final Duration STRAGGLER = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final URI BASE = URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/");

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void tenantSeesItsOwnEventsAndNeverAnotherTenants() throws Exception {
        String a = tenant();
        String b = tenant();
        try (Tail tailA = Tail.open(Tokens.tenantAdmin(a), null); Tail tailB = Tail.open(Tokens.tenantAdmin(b), null)) {
            String bEvent = publish(b, Events.ticketCreated(b).build());
            String aEvent = publish(a, Events.ticketCreated(a).build());

            Sse arrived = tailA.await(aEvent);
            assertEquals("TICKET_CREATED", arrived.event());
            JsonObject data = arrived.json();
            assertEquals(aEvent, data.getString("id"));
            assertEquals("TICKET_CREATED", data.getString("eventType"));
            assertEquals(a, data.getString("tenantId"));
            assertEquals(a, data.getJsonObject("payload").getString("tenantId"));
            assertTrue(data.getString("timestamp").endsWith("Z"), data.toString());

            tailB.await(bEvent); // B's event went out on the same channel: proof it was there for A's tail to see
            tailA.watch(STRAGGLER);
            assertEquals(List.of(a), tailA.tenants(), "tenant A's tail holds A's events only: " + tailA.events);
            assertEquals(List.of(b), tailB.tenants(), "tenant B's tail holds B's events only: " + tailB.events);
        }
    }

    @Test
    void typeFilterExcludesOtherTypes() throws Exception {
        String tenant = tenant();
        try (Tail projects = Tail.open(Tokens.tenantAdmin(tenant), "PROJECT_CREATED,NO_SUCH_TYPE");
             Tail everything = Tail.open(Tokens.tenantAdmin(tenant), null)) {
            assertEquals("{\"tenantId\":\"" + tenant + "\",\"types\":[\"NO_SUCH_TYPE\",\"PROJECT_CREATED\"]}",
                    projects.ready.data(), "the ready event names the subscription");
            String ticket = publish(tenant, Events.ticketCreated(tenant).build());
            String project = publish(tenant, projectCreated(tenant));

            assertEquals("PROJECT_CREATED", projects.await(project).event());
            everything.await(ticket);
            everything.await(project);
            projects.watch(STRAGGLER);
            assertEquals(List.of(project), projects.ids(), "only the listed type: " + projects.events);
        }
    }

    @Test
    void anEventOnSeveralChannelsArrivesOnce() throws Exception {
        String tenant = tenant();
        try (Tail tail = Tail.open(Tokens.tenantAdmin(tenant), null)) {
            String twice = publish(tenant, Events.channels(Events.ticketCreated(tenant), "global", "internal-notifications"));
            tail.await(twice);
            String after = publish(tenant, Events.ticketCreated(tenant).build());
            tail.await(after);
            tail.watch(STRAGGLER);
            assertEquals(List.of(twice, after), tail.ids(), "one SSE event per event id, whatever its channels");
        }
    }

    @Test
    void readerTokenWorks() throws Exception {
        String tenant = tenant();
        try (Tail tail = Tail.open(Tokens.of(tenant, "reader"), "PROJECT_CREATED")) {
            String project = publish(tenant, projectCreated(tenant));
            assertEquals(tenant, tail.await(project).json().getString("tenantId"));
        }
    }

    @Test
    void keepAliveCommentsFlowWhileNothingHappens() throws Exception {
        try (Tail tail = Tail.open(Tokens.tenantAdmin(tenant()), null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the IT server's keep-alive is 1 s
            while (tail.comments.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(tail.comments.get() >= 2, "keep-alive comments on an idle tail: " + tail.comments.get());
            tail.watch(Duration.ofMillis(200));
            assertEquals(List.of(), tail.events, "a keep-alive is a comment, not an event");
        }
    }

    @Test
    void noTokenIsRefusedWith401AndAnOperatorWith403() throws Exception {
        assertEquals(401, Tail.request(null, null).statusCode());
        assertEquals(403, Tail.request(Tokens.of("platform", "operator"), null).statusCode());
    }

    @Test
    void malformedTypeListIsAJsonErrorBeforeTheStream() throws Exception {
        String token = Tokens.tenantAdmin(tenant());
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "TYPE_" + i).collect(Collectors.joining(","));
        for (String types : List.of("TICKET_CREATED,,TICKET_UPDATED", "", "TICKET_CREATED,", tooMany)) {
            HttpResponse<String> reply = HTTP.send(Tail.builder(token, types).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, reply.statusCode(), types + ": " + reply.body());
            assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    reply.headers().toString());
            String error = Json.createReader(new StringReader(reply.body())).readObject().getString("detail");
            assertTrue(error.contains(types.equals(tooMany) ? "at most 100" : "empty item"), error);
        }
    }

    private static String tenant() {
        return UUID.randomUUID().toString();
    }

    private static JsonObject projectCreated(String tenant) {
        return Json.createObjectBuilder().add("eventType", "PROJECT_CREATED").add("payload", Json.createObjectBuilder()
                .add("tenantId", tenant).add("projectId", UUID.randomUUID().toString())).build();
    }

    private static String publish(String tenant, JsonObject request) throws IOException, InterruptedException {
        HeraldClient.Reply reply = HeraldClient.of(tenant).post("api/events", request);
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("eventId");
    }

    /** One Server-Sent Event as the client reads it. */
    record Sse(String event, String id, String data) {
        JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    /** A connected tail: its lines are read on a thread of their own and parsed into events. */
    static final class Tail implements AutoCloseable {

        private final Stream<String> lines;
        private final Thread reader;
        private final BlockingQueue<Sse> incoming = new LinkedBlockingQueue<>();
        final List<Sse> events = new ArrayList<>();
        final Sse ready;
        private volatile RuntimeException readFailure;
        final AtomicInteger comments = new AtomicInteger();

        private Tail(Stream<String> lines) throws InterruptedException {
            this.lines = lines;
            this.reader = new Thread(this::read, "tail-reader");
            reader.setDaemon(true);
            reader.start();
            Sse first = incoming.poll(ARRIVAL.toSeconds(), TimeUnit.SECONDS);
            if (first == null || !first.event().equals("ready")) {
                throw new AssertionError("expected the ready event first, got " + first);
            }
            ready = first;
        }

        static HttpRequest.Builder builder(String token, String types) {
            String query = types == null ? "" : "?types=" + URLEncoder.encode(types, StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(BASE.resolve("api/tail" + query))
                    .header("Accept", "text/event-stream");
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }

        static HttpResponse<Stream<String>> request(String token, String types) throws IOException, InterruptedException {
            return HTTP.send(builder(token, types).build(), HttpResponse.BodyHandlers.ofLines());
        }

        static Tail open(String token, String types) throws IOException, InterruptedException {
            HttpResponse<Stream<String>> response = request(token, types);
            if (response.statusCode() != 200) {
                String body = response.body().collect(Collectors.joining("\n"));
                throw new AssertionError("the tail answered " + response.statusCode() + ": " + body);
            }
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    response.headers().toString());
            return new Tail(response.body());
        }

        private void read() {
            String event = "message";
            String id = null;
            StringBuilder data = null;
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            incoming.add(new Sse(event, id, data.toString()));
                        }
                        event = "message";
                        id = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        comments.incrementAndGet();
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                        switch (field) {
                            case "event" -> event = value;
                            case "id" -> id = value;
                            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                            default -> { }
                        }
                    }
                }
            } catch (RuntimeException e) {
                readFailure = e; // expected once close() cancels the body; otherwise reported by await
            }
        }

        /** Waits for the event with this id, keeping every event that came before it. */
        Sse await(String eventId) throws InterruptedException {
            for (Sse seen : events) {
                if (eventId.equals(seen.id())) {
                    return seen;
                }
            }
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            while (System.nanoTime() < deadline) {
                Sse next = incoming.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    events.add(next);
                    if (eventId.equals(next.id())) {
                        assertEquals(eventId, next.json().getString("id"), "SSE id and data id are the event id");
                        return next;
                    }
                }
            }
            throw new AssertionError("event " + eventId + " never arrived on the tail; got " + events
                    + (readFailure == null ? "" : "; reading failed: " + readFailure), readFailure);
        }

        /** Collects whatever else arrives for a while. */
        void watch(Duration time) throws InterruptedException {
            long deadline = System.nanoTime() + time.toNanos();
            while (System.nanoTime() < deadline) {
                Sse next = incoming.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    events.add(next);
                }
            }
        }

        List<String> ids() {
            return events.stream().map(Sse::id).toList();
        }

        List<String> tenants() {
            return events.stream().map(e -> e.json().getString("tenantId")).distinct().toList();
        }

        @Override
        public void close() throws InterruptedException {
            lines.close();
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}

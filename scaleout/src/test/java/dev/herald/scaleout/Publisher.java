package dev.herald.scaleout;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes batches over HTTP through the nodes, as a client that keeps its events' order would: the next batch only
 * after the previous one was accepted (202). A batch that fails (connection refused or reset by a killed node, a 5xx)
 * is sent again, to the other node, with the same idempotency keys: Herald answers a repeated key with the event it
 * already published, so a batch that was committed before its answer was lost is not published twice.
 */
final class Publisher {

    /** One attempt's wait: above Liberty's two-minute transaction timeout, which a batch blocked by the killed node's
     * in-doubt transaction (its idempotency keys locked in PostgreSQL until the node recovers) may run into. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration BATCH_DEADLINE = Duration.ofMinutes(6);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<LibertyNode> nodes;
    private final String token;
    final AtomicInteger failedAttempts = new AtomicInteger();

    Publisher(List<LibertyNode> nodes, String token) {
        this.nodes = nodes;
        this.token = token;
    }

    /** Sends the batch to {@code preferred} first; returns the accepted event ids, in batch order. */
    List<String> publish(JsonArray batch, int preferred) throws InterruptedException {
        long deadline = System.nanoTime() + BATCH_DEADLINE.toNanos();
        int node = preferred;
        String last = "";
        while (System.nanoTime() < deadline) {
            LibertyNode target = nodes.get(node % nodes.size());
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(target.base().resolve("api/events/batch"))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 202) {
                    JsonObject body = Json.createReader(new StringReader(reply.body())).readObject();
                    return body.getJsonArray("eventIds").getValuesAs(JsonString::getString);
                }
                if (reply.statusCode() < 500 && reply.statusCode() != 409) {
                    throw new AssertionError(target.name() + " refused a batch: " + reply.statusCode() + " " + reply.body());
                }
                last = target.name() + ": " + reply.statusCode() + " " + reply.body();
            } catch (IOException e) {
                last = target.name() + ": " + e;
            }
            failedAttempts.incrementAndGet();
            node++;
            Thread.sleep(100); // pacing of the retries only; whether a batch is accepted is decided by the deadline
        }
        throw new AssertionError("a batch was not accepted by any node within " + BATCH_DEADLINE + "; last: " + last);
    }

    static JsonArray batch(List<JsonObject> events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        events.forEach(array::add);
        return array.build();
    }
}

package dev.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the Herald server under test over HTTP, as any client would. */
public final class HeraldClient {

    public record Reply(int status, String body) {
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }
    }

    /** HTTP/1.1: one shared HTTP/2 connection would let one stalled stream hold up every later test's requests. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base = URI.create("http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/");
    private final String token;

    /** A client without a token: only open endpoints (health, OpenAPI) answer it. */
    public HeraldClient() {
        this(null);
    }

    /** @param token the bearer token sent with every request, or null for none */
    public HeraldClient(String token) {
        this.token = token;
    }

    /** A client of the tenant with every tenant group (reader, simulator, admin). */
    public static HeraldClient of(String tenant) {
        return new HeraldClient(Tokens.tenantAdmin(tenant));
    }

    /** A client of the tenant with exactly these groups. */
    public static HeraldClient of(String tenant, String... groups) {
        return new HeraldClient(Tokens.of(tenant, groups));
    }

    /** A platform operator: relay failures, dead letters and raw streams of every tenant. */
    public static HeraldClient operator() {
        return of("platform", "operator");
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply post(String path, jakarta.json.JsonValue body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply patch(String path, jakarta.json.JsonValue body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply put(String path, jakarta.json.JsonValue body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** The server's address of a path, for requests {@link #exchange} sends. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Sends a request built by the caller (any method, headers, body) with this client's token: the whole answer. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(request);
        return new Reply(response.statusCode(), response.body());
    }
}

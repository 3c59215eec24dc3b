package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One problem detail (RFC 9457): what every error answer of the API carries as {@code application/problem+json}.
 * A problem without a {@code type} of its own is {@code about:blank} and its title is the status' reason phrase, as
 * the RFC asks; a problem clients may want to tell apart has a {@code urn:herald:problem:<slug>} type and its own
 * title. Extension members (issues of an invalid event, the expected sequence of a conflict...) sit next to the
 * standard ones. {@code instance} is the request path, added when the answer leaves (see ProblemInstanceFilter).
 */
public record Problem(String type, String title, int status, String detail, String instance, JsonObject extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:herald:problem:";
    public static final String BLANK = "about:blank";

    /** Reason phrases of the statuses the API answers (RFC 9110 wording; JAX-RS has no 422 and an older 413). */
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"),
            Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"));

    private static final JsonObject NONE = JsonValue.EMPTY_JSON_OBJECT;

    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, not " + status);
        }
        type = type == null ? BLANK : type;
        title = title == null ? reasonPhrase(status) : title;
        extensions = extensions == null ? NONE : extensions;
        for (String standard : new String[] {"type", "title", "status", "detail", "instance"}) {
            if (extensions.containsKey(standard)) {
                throw new IllegalArgumentException("extension member " + standard + " would hide the standard one");
            }
        }
    }

    /** An {@code about:blank} problem: the status says it all, the detail says what about this request. */
    public static Problem of(int status, String detail) {
        return new Problem(BLANK, reasonPhrase(status), status, detail, null, NONE);
    }

    /** A problem of its own type, {@code urn:herald:problem:<slug>}, with a title that does not vary between occurrences. */
    public static Problem typed(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, NONE);
    }

    public Problem with(String member, JsonValue value) {
        return new Problem(type, title, status, detail, instance,
                WireJson.json().createObjectBuilder(extensions).add(member, value).build());
    }

    public Problem with(String member, String value) {
        return with(member, value == null ? JsonValue.NULL : WireJson.json().createValue(value));
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    public static String reasonPhrase(int status) {
        return TITLES.getOrDefault(status, status < 500 ? "Client Error" : "Server Error");
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = WireJson.json().createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        extensions.forEach(json::add);
        return json.build();
    }
}

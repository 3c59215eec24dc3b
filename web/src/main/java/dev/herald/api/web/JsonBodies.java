package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * A JSON request body read whole (it is bounded by the body limit) and tokenized once before a binding provider sees
 * it. The check is not only for a clearer message: Parsson's {@code skipObject}, which JSON-B uses to skip a member
 * a record does not have, never returns on a body that ends inside that member ({@code {"unknown":{"a":}), and
 * would keep a server thread spinning; a body that is not complete JSON never reaches it. Nor does a string holding
 * U+0000, which no database column of Herald's can store.
 */
public final class JsonBodies {

    private static final JsonParserFactory PARSERS = WireJson.json().createParserFactory(Map.of());

    private JsonBodies() {
    }

    /**
     * @return the body's bytes, to be read again by the provider
     * @throws jakarta.json.JsonException (a JsonParsingException with its location, mostly) when the body is not one
     *         complete JSON text the parser accepts (Parsson also refuses nesting deeper than 1000)
     */
    public static byte[] readChecked(InputStream body, Charset charset) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return bytes; // no body at all: the resource says what it needed
        }
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(bytes), charset)) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if ((event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING)
                        && parser.getString().indexOf('\u0000') >= 0) {
                    // PostgreSQL refuses NUL in text: such a value would fail far from here, as a 500.
                    throw new JsonException("a JSON string holds U+0000 at " + parser.getLocation().getStreamOffset()
                            + "; Herald accepts no NUL characters");
                }
            }
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson refuses nesting over its depth limit with a bare RuntimeException.
            throw new JsonException("unreadable JSON: " + e.getMessage(), e);
        }
        return bytes;
    }
}

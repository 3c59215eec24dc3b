package dev.herald.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The existing consumers' contract: what their subscriber and workflow worker accept, one draft-07 JSON Schema per
 * event type plus the envelope and the workflow-stream entry (see consumer-contract/README.md for provenance).
 * An event Herald writes that fails here is acknowledged and dropped by those consumers.
 *
 * <p>Checked with networknt's validator, not with the engine Herald validates with, so that a bug shared by Herald's
 * schemas and Herald's engine cannot hide a contract break.
 */
public final class ConsumerContract {

    private static final String BASE = "dev/herald/contract/consumer-contract/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ConsumerContract() {
    }

    /** The 280 event types the consumers know, in the index's order. */
    public static List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        String[] lines = read("index.tsv").split("\\R");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                types.add(lines[i].split("\t", 2)[0]);
            }
        }
        return types;
    }

    /** Why the consumers would refuse this payload of {@code eventType}; empty when they accept it. */
    public static List<String> payloadViolations(String eventType, String payloadJson) {
        return violations("payload/" + eventType + ".json", payloadJson);
    }

    /**
     * Why the consumers would refuse this envelope (the {@code event} field of a stream entry): the envelope itself,
     * then its payload against its type's schema.
     */
    public static List<String> envelopeViolations(String envelopeJson) {
        List<String> found = new ArrayList<>(violations("envelope.json", envelopeJson));
        JsonNode envelope = parse(envelopeJson);
        JsonNode type = envelope.get("eventType");
        JsonNode payload = envelope.get("payload");
        if (payload == null || payload.isNull()) {
            found.add("$.payload: required by EventSchemas[eventType]");
        } else if (type != null && type.isTextual() && exists("payload/" + type.asText() + ".json")) {
            violations("payload/" + type.asText() + ".json", payload.toString())
                    .forEach(v -> found.add("payload " + v));
        }
        return found;
    }

    /**
     * Why the workflow worker would refuse this entry of the workflow stream, given as its flat fields: it rebuilds
     * the object as the worker does ('' is absent for the optional fields, payload_json parsed) and checks it.
     */
    public static List<String> workflowEntryViolations(Map<String, String> fields) {
        var object = JSON.createObjectNode();
        Set<String> emptyIsAbsent = Set.of("execution_id", "workflow_correlation_key", "from_state", "to_state", "user_id");
        fields.forEach((name, value) -> {
            if (name.equals("payload_json")) {
                if (value != null && !value.isEmpty()) {
                    object.set("payload", parse(value));
                }
            } else if (value != null && !(value.isEmpty() && emptyIsAbsent.contains(name))) {
                object.put(name, value);
            }
        });
        return violations("workflow-event.json", object.toString());
    }

    private static List<String> violations(String file, String json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(file, f -> FACTORY.getSchema(parse(read(f)), config()));
        Set<ValidationMessage> messages = schema.validate(parse(json));
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    private static boolean exists(String file) {
        return ConsumerContract.class.getClassLoader().getResource(BASE + file) != null;
    }

    private static String read(String file) {
        try (InputStream in = ConsumerContract.class.getClassLoader().getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract file " + BASE + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

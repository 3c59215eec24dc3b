package dev.herald.asyncapi;

import dev.herald.kernel.WireJson;
import dev.herald.redis.RedisKeys;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the AsyncAPI 3.0.0 document of one tenant's catalog: what Herald writes to Redis, as a producer.
 *
 * <ul>
 *   <li>channels: per event type its stream {@code {streamPrefix}event-stream:{channel}:{TYPE}} (parameter
 *   {@code channel}) and its pub/sub channel {@code {channelPrefix}:{TYPE}}, plus the workflow stream;</li>
 *   <li>operations: Herald {@code send}s to every channel (the document describes Herald; a consumer's own document
 *   would say {@code receive});</li>
 *   <li>messages: one per event type, the envelope as written (a pub/sub message, a stream entry's {@code event}
 *   field) whose {@code payload} is the type's schema; a tenant's custom type is a message of the
 *   {@code CUSTOM_EVENT} channels, its payload naming it in {@code eventName}.</li>
 * </ul>
 *
 * System schemas are draft-07 Schema Objects (AsyncAPI's default format, which every AsyncAPI tool reads): they
 * declare 2020-12 but use only keywords the two drafts share ({@link Draft07Schemas}); one that did not would be
 * given as a Multi Format Schema Object of format {@value #DRAFT_2020_12}. A tenant's own schema is written for
 * Herald's 2020-12 engine with any keyword, so it is always given in that format, unconverted.
 */
public final class AsyncApiDocument {

    public static final String VERSION = "3.0.0";
    static final String DRAFT_2020_12 = "application/schema+json;version=draft-2020-12";
    static final String ENVELOPE = "envelope.v1";
    static final String CUSTOM_EVENT = "CUSTOM_EVENT";
    static final String WORKFLOW_ENTRY = "workflowStreamEntry";
    private static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}$";

    private final JsonBuilderFactory json = WireJson.builders();
    private final String title;
    private final String version;
    private final RedisKeys keys;
    private final JsonObject envelopeSchema;
    private final Function<String, JsonObject> schemas;

    /**
     * @param keys           where the relay writes (prefixes and the workflow stream)
     * @param envelopeSchema the envelope's JSON Schema
     * @param schemas        a registry payload schema by its ref, null when there is none
     */
    public AsyncApiDocument(String title, String version, RedisKeys keys, JsonObject envelopeSchema,
                            Function<String, JsonObject> schemas) {
        this.title = title;
        this.version = version;
        this.keys = keys;
        this.envelopeSchema = envelopeSchema;
        this.schemas = schemas;
    }

    /**
     * @param tenantId the tenant whose catalog this is (its UUID)
     * @param types    the system types and the tenant's custom types; a custom type named like a system type is
     *                 published as that system type, so it is left out here
     */
    public JsonObject build(String tenantId, List<AsyncApiType> types) {
        Map<String, AsyncApiType> system = new TreeMap<>();
        Map<String, AsyncApiType> custom = new TreeMap<>();
        for (AsyncApiType type : types) {
            (type.custom() ? custom : system).put(type.eventType(), type);
        }
        custom.keySet().removeAll(system.keySet());

        Map<String, JsonValue> componentSchemas = new TreeMap<>();
        componentSchemas.put(ENVELOPE, schemaAt(envelopeSchema, "/components/schemas/" + ENVELOPE));
        Map<String, JsonObject> messages = new LinkedHashMap<>();
        for (AsyncApiType type : system.values()) {
            String ref = registrySchema(type.payloadSchemaRef(), componentSchemas);
            messages.put(type.eventType(), message(type, type.eventType(), envelopeOf(type.eventType(), ref == null
                    ? json.createObjectBuilder().build() : refTo(ref))));
        }
        for (AsyncApiType type : system.values()) {
            for (int version : type.laterVersions()) {
                String ref = registrySchema(versionRef(type.payloadSchemaRef(), version), componentSchemas);
                messages.put(versionKey(type.eventType(), version), message(type, versionKey(type.eventType(), version),
                        versionedEnvelopeOf(type.eventType(), version, ref == null
                                ? json.createObjectBuilder().build() : refTo(ref))));
            }
        }
        List<String> customKeys = new ArrayList<>();
        for (AsyncApiType type : custom.values()) {
            String key = "custom." + type.eventType();
            customKeys.add(key);
            messages.put(key, customMessage(type, key, componentSchemas));
        }
        messages.put(WORKFLOW_ENTRY, workflowEntryMessage());

        JsonObjectBuilder channels = json.createObjectBuilder();
        JsonObjectBuilder operations = json.createObjectBuilder();
        for (String type : system.keySet()) {
            List<String> carried = new ArrayList<>(List.of(type));
            if (type.equals(CUSTOM_EVENT)) {
                carried.addAll(customKeys);
            }
            channel(channels, operations, "stream." + type, keys.streamPrefix() + "event-stream:{channel}:" + type, true,
                    "The stream of " + type + " on one Herald channel: each entry has the fields event (the envelope's"
                            + " JSON) and channel (the channel's name).", carried);
            channel(channels, operations, "pubsub." + type, keys.channelPrefix() + ":" + type, false,
                    "The pub/sub channel of " + type + ": each message is the envelope's JSON, once per Herald channel"
                            + " the event goes to.", carried);
        }
        for (AsyncApiType type : system.values()) {
            for (int version : type.laterVersions()) {
                String key = versionKey(type.eventType(), version);
                channel(channels, operations, "stream." + key, keys.streamPrefix() + "event-stream:{channel}:"
                        + type.eventType() + ":v" + version, true, "The stream of " + type.eventType() + " version "
                        + version + " on one Herald channel (herald.wire.versions puts it on the wire; the v1 stream"
                        + " carries the same events in v1): fields event and channel, as on the v1 stream.", List.of(key));
                channel(channels, operations, "pubsub." + key, keys.channelPrefix() + ":" + type.eventType() + ":v"
                        + version, false, "The pub/sub channel of " + type.eventType() + " version " + version + ".",
                        List.of(key));
            }
        }
        channel(channels, operations, "workflowStream", keys.workflowStream(), false,
                "The workflow stream: one entry of flat string fields per event sent to the global channel.",
                List.of(WORKFLOW_ENTRY));

        JsonObjectBuilder schemasBuilder = json.createObjectBuilder();
        componentSchemas.forEach(schemasBuilder::add);
        JsonObjectBuilder messagesBuilder = json.createObjectBuilder();
        messages.forEach(messagesBuilder::add);
        return json.createObjectBuilder()
                .add("asyncapi", VERSION)
                .add("info", json.createObjectBuilder().add("title", title).add("version", version)
                        .add("description", "The domain events Herald writes to Redis for tenant " + tenantId + ": the "
                                + system.size() + " types of the system catalog and the tenant's " + custom.size()
                                + " custom types (which travel as " + CUSTOM_EVENT + " with payload.eventName)."))
                .add("defaultContentType", "application/json")
                .add("channels", channels)
                .add("operations", operations)
                .add("components", json.createObjectBuilder().add("schemas", schemasBuilder).add("messages", messagesBuilder))
                .build();
    }

    /** The component key of a registry schema, added to the components once; null when the registry has none. */
    private String registrySchema(String ref, Map<String, JsonValue> componentSchemas) {
        if (ref == null) {
            return null;
        }
        if (!componentSchemas.containsKey(ref)) {
            JsonObject schema = schemas.apply(ref);
            if (schema == null) {
                return null;
            }
            componentSchemas.put(ref, schemaAt(schema, "/components/schemas/" + ref));
        }
        return ref;
    }

    /** A draft-07 Schema Object when the schema means the same there, else a 2020-12 Multi Format Schema Object. */
    private JsonValue schemaAt(JsonObject schema, String location) {
        if (Draft07Schemas.incompatibilities(schema).isEmpty()) {
            return Draft07Schemas.relocate(schema, location);
        }
        return json.createObjectBuilder().add("schemaFormat", DRAFT_2020_12)
                .add("schema", Draft07Schemas.relocate(schema, location + "/schema")).build();
    }

    private JsonObject refTo(String componentSchema) {
        return json.createObjectBuilder().add("$ref", "#/components/schemas/" + componentSchema).build();
    }

    /** The envelope of one type: the envelope schema, its eventType fixed, its payload the given schema. */
    private JsonObject envelopeOf(String eventType, JsonObject payload) {
        return json.createObjectBuilder().add("allOf", json.createArrayBuilder()
                .add(refTo(ENVELOPE))
                .add(json.createObjectBuilder().add("properties", json.createObjectBuilder()
                        .add("eventType", json.createObjectBuilder().add("const", eventType))
                        .add("payload", payload)))).build();
    }

    /** The message key of a later version: {@code TICKET_CREATED.v2}. */
    private static String versionKey(String eventType, int version) {
        return eventType + ".v" + version;
    }

    /** {@code payload.TicketCreated.v1} to {@code payload.TicketCreated.v2}; null when there is no first ref. */
    private static String versionRef(String firstRef, int version) {
        return firstRef == null ? null : firstRef.replaceFirst("\\.v[0-9]+$", ".v" + version);
    }

    /** The envelope of a later version: as {@link #envelopeOf}, with {@code version} fixed. */
    private JsonObject versionedEnvelopeOf(String eventType, int version, JsonObject payload) {
        return json.createObjectBuilder().add("allOf", json.createArrayBuilder()
                .add(refTo(ENVELOPE))
                .add(json.createObjectBuilder()
                        .add("required", json.createArrayBuilder().add("version"))
                        .add("properties", json.createObjectBuilder()
                        .add("eventType", json.createObjectBuilder().add("const", eventType))
                        .add("version", json.createObjectBuilder().add("const", version))
                        .add("payload", payload)))).build();
    }

    private JsonObject message(AsyncApiType type, String key, JsonValue payload) {
        JsonObjectBuilder message = json.createObjectBuilder()
                .add("name", type.eventType())
                .add("title", type.displayName() == null || type.displayName().isBlank() ? type.eventType() : type.displayName());
        if (type.description() != null && !type.description().isBlank()) {
            message.add("summary", type.description());
        }
        if (type.custom()) {
            message.add("description", "A custom event type of the tenant. Consumers know only the catalog's types, so"
                    + " it travels as " + CUSTOM_EVENT + " (on the " + CUSTOM_EVENT + " streams and pub/sub channel) with"
                    + " payload.eventName = " + type.eventType() + "; the workflow stream's event_name is that name.");
        }
        JsonArrayBuilder tags = json.createArrayBuilder();
        if (type.category() != null && !type.category().isBlank()) {
            tags.add(json.createObjectBuilder().add("name", type.category()));
        }
        tags.add(json.createObjectBuilder().add("name", type.custom() ? "custom" : "system"));
        return message.add("contentType", "application/json").add("payload", payload).add("tags", tags).build();
    }

    private JsonObject customMessage(AsyncApiType type, String key, Map<String, JsonValue> componentSchemas) {
        JsonObject eventName = json.createObjectBuilder().add("const", type.eventType())
                .add("description", "Set by Herald to the custom type's name").build();
        if (type.customSchema() != null) {
            // The tenant's schema with eventName, which Herald adds after checking the payload against it.
            String location = "/components/messages/" + key + "/payload/schema/properties/payload";
            JsonObject own = (JsonObject) Draft07Schemas.relocate(type.customSchema(), location);
            JsonObjectBuilder properties = json.createObjectBuilder(own.containsKey("properties") && own.get("properties")
                    instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT).add("eventName", eventName);
            Set<String> required = new TreeSet<>();
            if (own.get("required") instanceof jakarta.json.JsonArray names) {
                names.forEach(name -> required.add(name instanceof jakarta.json.JsonString s ? s.getString() : name.toString()));
            }
            required.add("eventName");
            JsonArrayBuilder requiredArray = json.createArrayBuilder();
            required.forEach(requiredArray::add);
            JsonObject wirePayload = json.createObjectBuilder(own).add("properties", properties).add("required", requiredArray).build();
            JsonObject envelopeHere = Draft07Schemas.relocate(envelopeSchema, "/components/messages/" + key + "/payload/schema")
                    .asJsonObject();
            JsonObject envelope = json.createObjectBuilder(envelopeHere)
                    .add("properties", json.createObjectBuilder(envelopeHere.getJsonObject("properties"))
                            .add("eventType", json.createObjectBuilder().add("const", CUSTOM_EVENT))
                            .add("payload", wirePayload))
                    .build();
            return message(type, key, json.createObjectBuilder().add("schemaFormat", DRAFT_2020_12).add("schema", envelope).build());
        }
        String ref = registrySchema(type.payloadSchemaRef(), componentSchemas);
        JsonArrayBuilder both = json.createArrayBuilder();
        if (ref != null) {
            both.add(refTo(ref));
        }
        both.add(json.createObjectBuilder().add("required", json.createArrayBuilder().add("eventName"))
                .add("properties", json.createObjectBuilder().add("eventName", eventName)));
        return message(type, key, envelopeOf(CUSTOM_EVENT, json.createObjectBuilder().add("allOf", both).build()));
    }

    private JsonObject workflowEntryMessage() {
        JsonObjectBuilder fields = json.createObjectBuilder();
        Map<String, String> described = new LinkedHashMap<>();
        described.put("event_id", "the event's id");
        described.put("execution_id", "'' (Herald starts no execution itself)");
        described.put("workflow_correlation_key", "''");
        described.put("event_name", "the event type, or payload.eventName for CUSTOM_EVENT, UNKNOWN and INTEGRATION_WEBHOOK_RECEIVED");
        described.put("event_type", "the event type");
        described.put("tenant", "the tenant's UUID");
        described.put("timestamp", "the envelope's timestamp, UTC with milliseconds and Z");
        described.put("user_id", "payload.actorUserId, else payload.userId, when a UUID; else ''");
        described.put("from_state", "''");
        described.put("to_state", "''");
        described.put("payload_json", "the payload's JSON text");
        JsonArrayBuilder required = json.createArrayBuilder();
        described.forEach((name, description) -> {
            JsonObjectBuilder field = json.createObjectBuilder().add("type", "string").add("description", description);
            if (name.equals("event_id")) {
                field.add("pattern", UUID_PATTERN);
            }
            fields.add(name, field);
            required.add(name);
        });
        return json.createObjectBuilder()
                .add("name", WORKFLOW_ENTRY)
                .add("title", "Workflow stream entry")
                .add("summary", "The flat fields of a workflow stream entry, every one a string ('' where absent)")
                .add("payload", json.createObjectBuilder().add("type", "object").add("required", required)
                        .add("properties", fields).add("additionalProperties", false))
                .build();
    }

    private void channel(JsonObjectBuilder channels, JsonObjectBuilder operations, String id, String address,
                         boolean parameterized, String description, List<String> messageKeys) {
        JsonObjectBuilder messages = json.createObjectBuilder();
        JsonArrayBuilder operationMessages = json.createArrayBuilder();
        for (String key : messageKeys) {
            messages.add(key, json.createObjectBuilder().add("$ref", "#/components/messages/" + key));
            operationMessages.add(json.createObjectBuilder().add("$ref", "#/channels/" + id + "/messages/" + key));
        }
        JsonObjectBuilder channel = json.createObjectBuilder().add("address", address).add("description", description)
                .add("messages", messages);
        if (parameterized) {
            channel.add("parameters", json.createObjectBuilder().add("channel", json.createObjectBuilder()
                    .add("description", "The Herald channel the event was published to: global (the default), or a"
                            + " name matching [a-z0-9][a-z0-9._-]{0,63} (herald.publish.channels when configured)")
                    .add("default", "global")
                    .add("examples", json.createArrayBuilder().add("global"))));
        }
        channels.add(id, channel);
        operations.add(id + ".send", json.createObjectBuilder().add("action", "send")
                .add("channel", json.createObjectBuilder().add("$ref", "#/channels/" + id))
                .add("summary", "Herald writes to " + address)
                .add("messages", operationMessages));
    }
}

package dev.herald.schema;

import dev.harrel.jsonschema.InvalidSchemaException;
import dev.harrel.jsonschema.JsonSchemaException;
import dev.harrel.jsonschema.Validator;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the schema files once and refuses to start on the first broken one, so that a bad schema is a deployment
 * failure naming the file instead of a stream of refused (or wrongly accepted) events later on.
 */
final class SchemaLoader {

    private static final String ENVELOPE_FILE = "envelope.v1.json";
    private static final String ENVELOPE_ID = SchemaRef.ID_PREFIX + "envelope.v1";
    private static final String INDEX_FILE = "payload/index.txt";
    private static final String CATALOG_FILE = "catalog/system-catalog.json";

    private final ClassLoader loader;
    private final String base;
    private final Validator validator;
    private final Map<String, JsonObject> documentsById = new HashMap<>();

    SchemaLoader(ClassLoader loader, String basePath, Validator validator) {
        this.loader = loader;
        this.base = basePath.isEmpty() || basePath.endsWith("/") ? basePath : basePath + "/";
        this.validator = validator;
    }

    SchemaRegistry load() {
        JsonObject envelope = register(ENVELOPE_FILE, ENVELOPE_ID);
        Map<String, PayloadSchema> byRef = new LinkedHashMap<>();
        Map<String, URI> uriByRef = new HashMap<>();
        for (String ref : readIndex()) {
            SchemaRef parsed = SchemaRef.parse(ref);
            String file = "payload/" + ref + ".json";
            JsonObject document = register(file, parsed.id());
            if (!SchemaNodes.types(document).equals(List.of("object"))) {
                throw new SchemaLoadException(base + file, "a payload schema must declare \"type\": \"object\"");
            }
            byRef.put(ref, new PayloadSchema(ref, parsed.name(), parsed.version(), document, objectExamples(file, document)));
            uriByRef.put(ref, URI.create(parsed.id()));
        }
        IssueTranslator translator = new IssueTranslator(Map.copyOf(documentsById));
        checkExamples(ENVELOPE_FILE, URI.create(ENVELOPE_ID), envelope, translator);
        for (PayloadSchema schema : byRef.values()) {
            checkExamples("payload/" + schema.ref() + ".json", uriByRef.get(schema.ref()), schema.document(), translator);
        }
        Map<String, String> refByEventType = readCatalog(byRef.keySet());
        return new SchemaRegistry(byRef, uriByRef, refByEventType, envelope, URI.create(ENVELOPE_ID), validator,
                translator);
    }

    private List<String> readIndex() {
        List<String> refs = new ArrayList<>();
        String[] lines = read(INDEX_FILE).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                SchemaRef.parse(line);
            } catch (IllegalArgumentException e) {
                throw new SchemaLoadException(base + INDEX_FILE, "line " + (i + 1) + ": " + e.getMessage());
            }
            if (refs.contains(line)) {
                throw new SchemaLoadException(base + INDEX_FILE, "line " + (i + 1) + ": " + line + " is listed twice");
            }
            refs.add(line);
        }
        return refs;
    }

    /** Parses, checks what harrel would let through silently, and registers one schema file. */
    private JsonObject register(String file, String expectedId) {
        JsonObject document = parseObject(file);
        String id = document.getString("$id", null);
        if (!expectedId.equals(id)) {
            throw new SchemaLoadException(base + file, "$id is " + (id == null ? "missing" : "'" + id + "'")
                    + " but the file name requires '" + expectedId + "'");
        }
        checkRefsAndFormats(file, document);
        try {
            validator.registerSchema(document);
        } catch (InvalidSchemaException e) {
            String reasons = e.getErrors().stream()
                    .map(error -> (error.getInstanceLocation().isEmpty() ? "/" : error.getInstanceLocation())
                            + " " + error.getError())
                    .collect(Collectors.joining("; "));
            throw new SchemaLoadException(base + file, "refused by the JSON Schema validator: " + reasons, e);
        } catch (JsonSchemaException e) {
            throw new SchemaLoadException(base + file, "refused by the JSON Schema validator: " + e.getMessage(), e);
        }
        documentsById.put(id, document);
        return document;
    }

    /**
     * harrel accepts a dangling {@code $ref} and an unknown format at registration and only fails (or silently
     * passes) when a payload arrives; both are checked here instead.
     */
    private void checkRefsAndFormats(String file, JsonObject document) {
        SchemaWalker.visit(document, (pointer, node) -> {
            if (node.get("$ref") instanceof JsonString ref) {
                String target = ref.getString();
                if (!target.startsWith("#") || JsonPointers.resolve(document, target.substring(1)).isEmpty()) {
                    throw new SchemaLoadException(base + file, pointer + "/$ref '" + target
                            + "' does not point into this document (only local refs such as #/definitions/x)");
                }
            }
            if (node.get("format") instanceof JsonString format
                    && !AssertedFormats.SUPPORTED.contains(format.getString())) {
                throw new SchemaLoadException(base + file, pointer + "/format '" + format.getString()
                        + "' cannot be checked; supported formats are " + AssertedFormats.SUPPORTED.stream().sorted().toList());
            }
        });
    }

    private List<JsonObject> objectExamples(String file, JsonObject document) {
        List<JsonObject> examples = new ArrayList<>();
        for (JsonValue example : examplesOf(file, document)) {
            if (!(example instanceof JsonObject object)) {
                throw new SchemaLoadException(base + file, "examples must be JSON objects, found " + example.getValueType());
            }
            examples.add(object);
        }
        return examples;
    }

    private void checkExamples(String file, URI uri, JsonObject document, IssueTranslator translator) {
        JsonArray examples = examplesOf(file, document);
        for (int i = 0; i < examples.size(); i++) {
            Validator.Result result = validator.validate(uri, examples.get(i));
            if (!result.isValid()) {
                throw new SchemaLoadException(base + file, "example " + i + " does not validate: "
                        + translator.translate(result.getErrors(), examples.get(i)));
            }
        }
    }

    private JsonArray examplesOf(String file, JsonObject document) {
        JsonValue examples = document.getOrDefault("examples", JsonValue.EMPTY_JSON_ARRAY);
        if (!(examples instanceof JsonArray array)) {
            throw new SchemaLoadException(base + file, "examples must be an array");
        }
        return array;
    }

    private Map<String, String> readCatalog(Set<String> knownRefs) {
        String file = base + CATALOG_FILE;
        JsonValue catalog = parse(CATALOG_FILE);
        if (!(catalog instanceof JsonArray entries)) {
            throw new SchemaLoadException(file, "must be a JSON array of catalog entries");
        }
        Map<String, String> refByEventType = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof JsonObject entry)
                    || !(entry.get("eventType") instanceof JsonString eventType)
                    || !(entry.get("payloadSchemaRef") instanceof JsonString ref)) {
                throw new SchemaLoadException(file, "entry " + i + " needs string eventType and payloadSchemaRef");
            }
            if (!knownRefs.contains(ref.getString())) {
                throw new SchemaLoadException(file, eventType.getString() + " refers to " + ref.getString()
                        + ", which is not listed in " + INDEX_FILE);
            }
            if (refByEventType.put(eventType.getString(), ref.getString()) != null) {
                throw new SchemaLoadException(file, eventType.getString() + " is listed twice");
            }
        }
        return refByEventType;
    }

    private JsonObject parseObject(String file) {
        JsonValue value = parse(file);
        if (!(value instanceof JsonObject object)) {
            throw new SchemaLoadException(base + file, "a schema must be a JSON object, found " + value.getValueType());
        }
        return object;
    }

    private JsonValue parse(String file) {
        try {
            return WireJson.parse(read(file));
        } catch (JsonException e) {
            throw new SchemaLoadException(base + file, "is not valid JSON: " + e.getMessage(), e);
        }
    }

    private String read(String file) {
        try (InputStream in = loader.getResourceAsStream(base + file)) {
            if (in == null) {
                throw new SchemaLoadException(base + file, "not found on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + base + file, e);
        }
    }
}

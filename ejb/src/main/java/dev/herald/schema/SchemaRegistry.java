package dev.herald.schema;

import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.JakartaJsonNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every payload schema Herald knows, loaded and checked once at start-up, and the validator for payloads and
 * envelopes.
 *
 * <p><b>Thread safety.</b> A registry is immutable once built and {@link #validate} may be called from any
 * number of threads without locking. harrel's {@link Validator} does not document thread safety; reading its
 * 1.8.2 byte code shows why this is nevertheless safe here: {@code validate} creates a fresh evaluation context
 * per call and only reads the parsed schemas, whose evaluators have final fields only. What is not safe is
 * {@code registerSchema} concurrently with {@code validate}: registration writes into plain maps inside the
 * validator's schema registry. So every schema is registered in the constructor, before the registry is
 * published through a final field, and nothing registers afterwards. (harrel would also register lazily when a
 * {@code $ref} points to a schema it has not seen; the loader refuses any {@code $ref} that is not local, so
 * that never happens either.)
 */
public final class SchemaRegistry {

    /** Where herald-schemas keeps its files on the class path. */
    public static final String DEFAULT_BASE_PATH = "dev/herald/schemas/";

    private final Map<String, PayloadSchema> byRef;
    private final List<PayloadSchema> all;
    private final Map<String, URI> uriByRef;
    private final Map<String, List<PayloadSchema>> versionsByName;
    private final Map<String, String> refByEventType;
    private final JsonObject envelope;
    private final URI envelopeUri;
    private final Validator validator;
    private final IssueTranslator translator;

    SchemaRegistry(Map<String, PayloadSchema> byRef, Map<String, URI> uriByRef, Map<String, String> refByEventType,
                   JsonObject envelope, URI envelopeUri, Validator validator, IssueTranslator translator) {
        this.byRef = Map.copyOf(byRef);
        this.all = byRef.values().stream().sorted(Comparator.comparing(PayloadSchema::ref)).toList();
        this.uriByRef = Map.copyOf(uriByRef);
        this.versionsByName = byRef.values().stream().collect(Collectors.groupingBy(PayloadSchema::name,
                Collectors.collectingAndThen(Collectors.toList(), list -> list.stream()
                        .sorted(Comparator.comparingInt(PayloadSchema::version)).toList())));
        this.refByEventType = Map.copyOf(refByEventType);
        this.envelope = envelope;
        this.envelopeUri = envelopeUri;
        this.validator = validator;
        this.translator = translator;
    }

    /** The schemas shipped in herald-schemas. Throws {@link SchemaLoadException} naming the first broken file. */
    public static SchemaRegistry loadFromClasspath() {
        return load(SchemaRegistry.class.getClassLoader(), DEFAULT_BASE_PATH);
    }

    /**
     * Schemas laid out as in herald-schemas under {@code basePath}: {@code payload/index.txt},
     * {@code payload/<ref>.json}, {@code envelope.v1.json} and {@code catalog/system-catalog.json}.
     */
    public static SchemaRegistry load(ClassLoader loader, String basePath) {
        return new SchemaLoader(loader, basePath, newValidator()).load();
    }

    /** One validator for all schemas: {@code format} asserts, and JSON-P values are validated without copying. */
    static Validator newValidator() {
        return new ValidatorFactory()
                .withJsonNodeFactory(new JakartaJsonNode.Factory())
                .withEvaluatorFactory(new AssertedFormats())
                .createValidator();
    }

    public Optional<PayloadSchema> schema(String ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** The highest version of a schema name, e.g. {@code TicketCreated}. */
    public Optional<PayloadSchema> latest(String name) {
        List<PayloadSchema> versions = versionsByName.getOrDefault(name, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The versions of a schema name, ascending; empty when the name is unknown. */
    public List<Integer> versions(String name) {
        return versionsByName.getOrDefault(name, List.of()).stream().map(PayloadSchema::version).toList();
    }

    /** The payload schema the system catalog names for an event type such as {@code TICKET_CREATED}. */
    public Optional<String> refForEventType(String eventType) {
        return Optional.ofNullable(refByEventType.get(eventType));
    }

    /**
     * The payload schema of a version of an event type: the catalog names the type's first schema
     * ({@code payload.TicketCreated.v1}); its other versions share its name ({@code payload.TicketCreated.v2}).
     */
    public Optional<String> refForEventType(String eventType, int version) {
        return refForEventType(eventType)
                .map(first -> new SchemaRef(SchemaRef.parse(first).name(), version).ref())
                .filter(byRef::containsKey);
    }

    /** All schemas, ordered by ref. */
    public Collection<PayloadSchema> all() {
        return all;
    }

    public JsonObject envelopeSchema() {
        return envelope;
    }

    /**
     * Every issue of the payload against the schema; empty when it is valid.
     *
     * @throws IllegalArgumentException when no schema is registered under {@code ref}
     */
    public List<SchemaIssue> validate(String ref, JsonValue payload) {
        URI uri = uriByRef.get(Objects.requireNonNull(ref, "ref"));
        if (uri == null) {
            throw new IllegalArgumentException(unknownRefMessage(ref));
        }
        return check(uri, payload);
    }

    /** Every issue of an event envelope against {@code envelope.v1}; the payload itself is checked by {@link #validate}. */
    public List<SchemaIssue> validateEnvelope(JsonValue envelope) {
        return check(envelopeUri, envelope);
    }

    private List<SchemaIssue> check(URI uri, JsonValue value) {
        Objects.requireNonNull(value, "value");
        Validator.Result result = validator.validate(uri, value);
        return result.isValid() ? List.of() : translator.translate(result.getErrors(), value);
    }

    private String unknownRefMessage(String ref) {
        String message = "No payload schema is registered as '" + ref + "'";
        try {
            SchemaRef parsed = SchemaRef.parse(ref);
            List<Integer> known = versions(parsed.name());
            return known.isEmpty() ? message : message + "; " + parsed.name() + " has versions " + known;
        } catch (IllegalArgumentException notARef) {
            return message + " (refs look like payload.TicketCreated.v1)";
        }
    }
}

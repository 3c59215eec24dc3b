package dev.herald.cloudevents;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a CloudEvent 1.0 in the JSON event format (structured mode: the whole event is one JSON object) or in the HTTP
 * binding's binary mode (the attributes in {@code ce-*} headers, the data in the body), and holds it to the
 * specification: {@code specversion} "1.0"; {@code id}, {@code source} (a URI-reference) and {@code type} present and
 * non-empty; attribute names of lowercase letters and digits, at most 20; {@code time} an RFC 3339 timestamp;
 * {@code dataschema} an absolute URI; {@code subject} non-empty when present. Herald adds its own: {@code data} is a
 * JSON object, {@code datacontenttype} application/json or absent, no {@code data_base64}, and its {@code tenantid}
 * extension a non-empty string. Unknown extensions are kept. Every rule broken is an {@link AttributeIssue} naming its
 * attribute; plain code, no container, no HTTP types (binary mode takes the headers as a map).
 */
public final class CloudEventReader {

    public static final String SPECVERSION = "specversion";
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String TYPE = "type";
    public static final String DATACONTENTTYPE = "datacontenttype";
    public static final String DATASCHEMA = "dataschema";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String DATA = "data";
    public static final String DATA_BASE64 = "data_base64";
    /** Herald's extension: the tenant the event belongs to (a slug or UUID), checked against the caller's. */
    public static final String TENANTID = "tenantid";
    /** The HTTP binding's header prefix of binary mode. */
    public static final String HEADER_PREFIX = "ce-";

    private static final List<String> REQUIRED = List.of(SPECVERSION, ID, SOURCE, TYPE);
    private static final List<String> OPTIONAL = List.of(DATACONTENTTYPE, DATASCHEMA, SUBJECT, TIME);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,20}");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final int MAX_SHOWN = 40;

    private CloudEventReader() {
    }

    /**
     * @param event the body of a structured-mode request ({@code application/cloudevents+json})
     * @throws InvalidCloudEventException naming every attribute that breaks a rule
     */
    public static CloudEvent structured(JsonObject event) {
        List<AttributeIssue> issues = new ArrayList<>();
        Map<String, JsonValue> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> member : event.entrySet()) {
            String name = member.getKey();
            if (name.equals(DATA)) {
                continue;
            }
            if (name.equals(DATA_BASE64)) {
                issues.add(new AttributeIssue(DATA_BASE64, "binary data is not accepted: Herald's events carry a JSON object in data"));
            } else if (!NAME.matcher(name).matches()) {
                issues.add(new AttributeIssue(shown(name), "is not a CloudEvents attribute name (lowercase letters a-z and digits, 1 to 20)"));
            } else {
                attributes.put(name, member.getValue());
            }
        }
        JsonValue data = event.get(DATA);
        return checked(attributes, data, data == null && !event.containsKey(DATA_BASE64) ? "is required: Herald publishes its JSON object"
                : null, issues);
    }

    /**
     * @param headers     the request's headers, any case; those starting {@code ce-} are the attributes, percent-decoded
     * @param contentType the request's Content-Type: the event's datacontenttype
     * @param data        the body as JSON, or null for none
     * @throws InvalidCloudEventException naming every attribute that breaks a rule
     */
    public static CloudEvent binary(Map<String, List<String>> headers, String contentType, JsonValue data) {
        List<AttributeIssue> issues = new ArrayList<>();
        Map<String, JsonValue> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String headerName = header.getKey().toLowerCase(Locale.ROOT);
            if (!headerName.startsWith(HEADER_PREFIX)) {
                continue;
            }
            String name = headerName.substring(HEADER_PREFIX.length());
            List<String> values = header.getValue() == null ? List.of() : header.getValue();
            if (!NAME.matcher(name).matches()) {
                issues.add(new AttributeIssue(shown(name), "header " + shown(header.getKey())
                        + " names no CloudEvents attribute (lowercase letters a-z and digits, 1 to 20, after ce-)"));
            } else if (name.equals(DATACONTENTTYPE)) {
                issues.add(new AttributeIssue(DATACONTENTTYPE, "in binary mode datacontenttype is the Content-Type header, not ce-datacontenttype"));
            } else if (values.size() != 1) {
                issues.add(new AttributeIssue(name, "header " + HEADER_PREFIX + name + " must be given once, was given " + values.size() + " times"));
            } else {
                Optional<String> decoded = percentDecoded(values.get(0));
                if (decoded.isEmpty()) {
                    issues.add(new AttributeIssue(name, "header " + HEADER_PREFIX + name + " is not percent-encoded UTF-8"));
                } else {
                    attributes.put(name, WireJson.json().createValue(decoded.get()));
                }
            }
        }
        if (contentType != null) {
            attributes.put(DATACONTENTTYPE, WireJson.json().createValue(contentType));
        }
        return checked(attributes, data, data == null ? "is required: the body holds the event's JSON object" : null, issues);
    }

    private static CloudEvent checked(Map<String, JsonValue> attributes, JsonValue data, String dataMissing, List<AttributeIssue> issues) {
        List<AttributeIssue> found = new ArrayList<>();
        for (String name : REQUIRED) {
            JsonValue value = attributes.get(name);
            if (value == null) {
                found.add(new AttributeIssue(name, "is required"));
            } else {
                checkString(name, value, found);
            }
        }
        text(attributes, SPECVERSION).filter(v -> !v.isEmpty() && !v.equals(CloudEvent.SPEC_VERSION))
                .ifPresent(v -> found.add(new AttributeIssue(SPECVERSION, "must be \"1.0\", was \"" + shown(v) + "\"")));
        text(attributes, SOURCE).filter(v -> !v.isEmpty() && !isUriReference(v))
                .ifPresent(v -> found.add(new AttributeIssue(SOURCE, "must be a URI-reference, was \"" + shown(v) + "\"")));
        for (String name : OPTIONAL) {
            JsonValue value = attributes.get(name);
            if (value != null) {
                checkString(name, value, found);
            }
        }
        text(attributes, DATACONTENTTYPE).filter(v -> !v.isEmpty() && !isJson(v)).ifPresent(v -> found.add(new AttributeIssue(DATACONTENTTYPE,
                "must be application/json or absent: Herald's events carry JSON, was \"" + shown(v) + "\"")));
        text(attributes, DATASCHEMA).filter(v -> !v.isEmpty() && !isAbsoluteUri(v))
                .ifPresent(v -> found.add(new AttributeIssue(DATASCHEMA, "must be an absolute URI, was \"" + shown(v) + "\"")));
        text(attributes, TIME).filter(v -> !v.isEmpty() && !isRfc3339(v)).ifPresent(v -> found.add(new AttributeIssue(TIME,
                "must be an RFC 3339 timestamp such as 2026-05-01T12:00:00Z, was \"" + shown(v) + "\"")));
        Map<String, JsonValue> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (REQUIRED.contains(name) || OPTIONAL.contains(name)) {
                continue;
            }
            JsonValue value = attribute.getValue();
            if (name.equals(TENANTID)) {
                checkString(TENANTID, value, found);
            } else if (!(value instanceof JsonString) && value.getValueType() != JsonValue.ValueType.NUMBER
                    && value != JsonValue.TRUE && value != JsonValue.FALSE) {
                found.add(new AttributeIssue(name, "an extension attribute must be a string, number or boolean, was " + kind(value)));
            }
            extensions.put(name, value);
        }
        found.addAll(issues);
        if (dataMissing != null) {
            found.add(new AttributeIssue(DATA, dataMissing));
        } else if (data != null && data.getValueType() != JsonValue.ValueType.OBJECT) {
            found.add(new AttributeIssue(DATA, "must be a JSON object (Herald's payloads are), was " + kind(data)));
        }
        if (!found.isEmpty()) {
            throw new InvalidCloudEventException(found);
        }
        return new CloudEvent(text(attributes, ID).orElseThrow(), text(attributes, SOURCE).orElseThrow(), text(attributes, TYPE).orElseThrow(),
                text(attributes, TIME), text(attributes, SUBJECT), text(attributes, DATACONTENTTYPE), text(attributes, DATASCHEMA),
                extensions, data.asJsonObject());
    }

    private static void checkString(String name, JsonValue value, List<AttributeIssue> issues) {
        if (!(value instanceof JsonString text)) {
            issues.add(new AttributeIssue(name, "must be a string, was " + kind(value)));
        } else if (text.getString().isEmpty()) {
            issues.add(new AttributeIssue(name, "must not be empty"));
        }
    }

    private static Optional<String> text(Map<String, JsonValue> attributes, String name) {
        return attributes.get(name) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    /** application/json, any case, with or without parameters such as charset. */
    static boolean isJson(String mediaType) {
        String essence = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return essence.equals("application/json");
    }

    static boolean isUriReference(String text) {
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isRfc3339(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The HTTP binding's percent-encoding of header values, decoded as UTF-8 ('+' stays '+'); empty when malformed. */
    static Optional<String> percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return Optional.of(value);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0 || Character.digit(value.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}

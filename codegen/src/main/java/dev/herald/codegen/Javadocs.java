package dev.herald.codegen;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Javadoc text from a schema's words and constraints, escaped so that no schema text can end the comment. */
final class Javadocs {

    private Javadocs() {
    }

    static String ofEventRecord(JsonObject schema, String eventType, String schemaRef) {
        List<String> paragraphs = new ArrayList<>();
        words(schema).ifPresent(paragraphs::add);
        paragraphs.add("Event type {@code " + escape(eventType) + "}, payload schema {@code " + schemaRef + "}.");
        return String.join("\n<p>\n", paragraphs) + "\n";
    }

    /** A nested record's words, or where it belongs when the schema has none. */
    static String ofNestedRecord(JsonObject schema, com.palantir.javapoet.ClassName enclosing) {
        return words(schema).orElse("An object in {@link " + String.join(".", enclosing.simpleNames()) + "}.") + "\n";
    }

    /** One line: the description, required or optional, and the constraints a caller must meet. */
    static String ofComponent(JsonObject schema, boolean required, String jsonName) {
        List<String> parts = new ArrayList<>();
        words(schema).ifPresent(w -> parts.add(w.endsWith(".") ? w : w + "."));
        parts.add(required ? "Required." : "Optional.");
        if (!JavaNames.isPlainComponentName(jsonName)) {
            parts.add("JSON name {@code " + escape(jsonName) + "}.");
        }
        parts.addAll(constraints(schema));
        return String.join(" ", parts);
    }

    private static List<String> constraints(JsonObject schema) {
        List<String> out = new ArrayList<>();
        if (schema.containsKey("const")) {
            out.add("Always " + code(literal(schema.get("const"))) + ".");
        }
        if (schema.containsKey("enum")) {
            out.add("One of " + schema.getJsonArray("enum").stream().map(v -> code(literal(v)))
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (schema.containsKey("format")) {
            out.add("Format " + code(schema.getString("format")) + ".");
        } else if (schema.containsKey("pattern")) {
            // A format already says what its (long) pattern says; a pattern alone is the only hint there is.
            out.add("Pattern " + code(schema.getString("pattern")) + ".");
        }
        range(schema, "minLength", "maxLength", "length").ifPresent(out::add);
        range(schema, "minimum", "maximum", "value").ifPresent(out::add);
        range(schema, "minItems", "maxItems", "items").ifPresent(out::add);
        if (schema.containsKey("exclusiveMinimum")) {
            out.add("Above " + literal(schema.get("exclusiveMinimum")) + ".");
        }
        return out;
    }

    private static Optional<String> range(JsonObject schema, String minKey, String maxKey, String what) {
        JsonNumber min = schema.getJsonNumber(minKey);
        JsonNumber max = schema.getJsonNumber(maxKey);
        if (min == null && max == null) {
            return Optional.empty();
        }
        if (max == null) {
            return Optional.of("Minimum " + what + " " + min + ".");
        }
        if (min == null) {
            return Optional.of("Maximum " + what + " " + max + ".");
        }
        return Optional.of("The " + what + " is " + min + " to " + max + ".");
    }

    private static Optional<String> words(JsonObject schema) {
        String title = schema.getString("title", "").strip();
        String description = schema.getString("description", "").strip();
        String text = title.isEmpty() ? description
                : description.isEmpty() ? title
                : title + (title.endsWith(".") ? " " : ". ") + description;
        return text.isEmpty() ? Optional.empty() : Optional.of(escape(text));
    }

    private static String literal(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    /**
     * HTML-escaped, and backslashes written as an entity, because javac reads {@code \}{@code u} escapes even
     * inside comments; {@code @} and {@code *}{@code /} likewise cannot appear as they are.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("\\", "&#92;").replace("{", "&#123;").replace("}", "&#125;");
    }
}

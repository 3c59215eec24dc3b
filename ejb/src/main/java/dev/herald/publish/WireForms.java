package dev.herald.publish;

import dev.herald.kernel.WireJson;
import dev.herald.kernel.WireTime;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Herald accepts some friendlier inputs than the consumers do, and writes the consumers' form: a date-time given with
 * an offset ({@code 2026-11-23T08:41:51+01:00}), a lowercase {@code z} or without seconds is rewritten to UTC with
 * {@code Z} and milliseconds ({@code 2026-11-23T07:41:51.000Z}), at any depth of the payload. A date-time already in
 * the consumers' form is left exactly as given.
 */
public final class WireForms {

    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern CONSUMERS_FORM = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private WireForms() {
    }

    public static JsonObject normalised(JsonObject payload) {
        return needsRewrite(payload) ? (JsonObject) rewrite(payload) : payload;
    }

    private static boolean needsRewrite(JsonValue value) {
        if (value instanceof JsonString text) {
            return rewritable(text.getString());
        }
        if (value instanceof JsonObject object) {
            return object.values().stream().anyMatch(WireForms::needsRewrite);
        }
        if (value instanceof JsonArray array) {
            return array.stream().anyMatch(WireForms::needsRewrite);
        }
        return false;
    }

    private static JsonValue rewrite(JsonValue value) {
        if (value instanceof JsonString text && rewritable(text.getString())) {
            return WireJson.json().createValue(utc(text.getString()));
        }
        if (value instanceof JsonObject object) {
            JsonObjectBuilder builder = WireJson.builders().createObjectBuilder();
            for (Map.Entry<String, JsonValue> field : object.entrySet()) {
                builder.add(field.getKey(), rewrite(field.getValue()));
            }
            return builder.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder builder = WireJson.builders().createArrayBuilder();
            array.forEach(item -> builder.add(rewrite(item)));
            return builder.build();
        }
        return value;
    }

    private static boolean rewritable(String text) {
        if (!DATE_TIME.matcher(text).matches() || CONSUMERS_FORM.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false; // not a real date (2026-02-30): left alone, so the schema check names it
        }
    }

    private static String utc(String text) {
        return WireTime.text(OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT))
                .toInstant().truncatedTo(ChronoUnit.MILLIS));
    }
}

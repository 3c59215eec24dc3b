package dev.herald.events.types;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where two JSON values differ, ignoring what JSON-B may legitimately rewrite: key order, a number's notation
 * ({@code 1.50} and {@code 1.5}), and a date-time's notation ({@code .000Z} and {@code Z}, since {@code Instant}
 * writes the shortest ISO form).
 */
final class SameJson {

    private SameJson() {
    }

    /** @return the JSON pointer of the first difference, if any */
    static Optional<String> firstDifference(JsonValue expected, JsonValue actual) {
        return difference("", expected, actual);
    }

    private static Optional<String> difference(String at, JsonValue expected, JsonValue actual) {
        if (expected.getValueType() != actual.getValueType()) {
            return Optional.of(at + ": " + expected + " became " + actual);
        }
        return switch (expected.getValueType()) {
            case OBJECT -> objectDifference(at, expected.asJsonObject(), actual.asJsonObject());
            case ARRAY -> arrayDifference(at, expected.asJsonArray(), actual.asJsonArray());
            case NUMBER -> ((JsonNumber) expected).bigDecimalValue().compareTo(((JsonNumber) actual).bigDecimalValue()) == 0
                    ? Optional.empty() : Optional.of(at + ": " + expected + " became " + actual);
            case STRING -> sameString(((JsonString) expected).getString(), ((JsonString) actual).getString())
                    ? Optional.empty() : Optional.of(at + ": " + expected + " became " + actual);
            default -> Optional.empty();
        };
    }

    private static Optional<String> objectDifference(String at, JsonObject expected, JsonObject actual) {
        for (String key : expected.keySet()) {
            if (!actual.containsKey(key)) {
                return Optional.of(at + "/" + key + ": lost");
            }
            Optional<String> inner = difference(at + "/" + key, expected.get(key), actual.get(key));
            if (inner.isPresent()) {
                return inner;
            }
        }
        return actual.keySet().stream().filter(key -> !expected.containsKey(key)).findFirst()
                .map(key -> at + "/" + key + ": added " + actual.get(key));
    }

    private static Optional<String> arrayDifference(String at, JsonArray expected, JsonArray actual) {
        if (expected.size() != actual.size()) {
            return Optional.of(at + ": " + expected.size() + " elements became " + actual.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            Optional<String> inner = difference(at + "/" + i, expected.get(i), actual.get(i));
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    private static boolean sameString(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        try {
            return Instant.parse(expected).equals(Instant.parse(actual));
        } catch (DateTimeParseException notADateTime) {
            return false;
        }
    }
}

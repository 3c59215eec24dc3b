package dev.herald.api.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON types of a request body checked against the record it binds to, before JSON-B binds it: JSON-B reads
 * {@code "true"}, {@code "True"} or {@code 1} as a boolean, {@code "90"} as a number, and clamps
 * {@code -2147483649} into an int, so a body it accepts can mean something its sender did not write. A boolean
 * member must be a JSON boolean, an integer member a JSON integer (no fraction, no exponent) within its Java type's
 * range, a decimal member a JSON number, a string member a JSON string; none of these may be null (an absent member
 * is the endpoint's default). A record must be a JSON object and a list a JSON array (JSON-B would bind
 * {@code [{...}]} as the record of its element). Members the record does not have are left to JSON-B, which ignores them.
 */
public final class StrictBodies {

    private static final String NOT_AN_OBJECT = "must be an object, was ";
    private static final String NOT_AN_ARRAY = "must be an array, was ";

    private StrictBodies() {
    }

    /** Whether the issue is one of shape (an object or array expected), which the API answers as a malformed body. */
    public static boolean ofShape(BodyIssue issue) {
        return issue.message().startsWith(NOT_AN_OBJECT) || issue.message().startsWith(NOT_AN_ARRAY);
    }

    /** @return every member of {@code body} whose JSON type does not fit the matching component of {@code target} */
    public static List<BodyIssue> issues(JsonValue body, Type target) {
        List<BodyIssue> issues = new ArrayList<>();
        check(body, target, "", issues);
        return issues;
    }

    private static void check(JsonValue value, Type target, String pointer, List<BodyIssue> issues) {
        Class<?> raw = raw(target);
        if (raw == null) {
            return;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                issues.add(new BodyIssue(pointer, "must be true or false, was " + shown(value)));
            }
        } else if (IntegerRange.of(raw) != null) {
            IntegerRange range = IntegerRange.of(raw);
            if (!range.holds(value)) {
                issues.add(new BodyIssue(pointer, "must be an integer from " + range.min() + " to " + range.max() + ", was " + shown(value)));
            }
        } else if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                issues.add(new BodyIssue(pointer, "must be a number, was " + shown(value)));
            }
        } else if (raw == String.class || raw.isEnum()) {
            if (value.getValueType() != JsonValue.ValueType.STRING && value.getValueType() != JsonValue.ValueType.NULL) {
                issues.add(new BodyIssue(pointer, "must be a string, was " + shown(value)));
            }
        } else if (raw.isRecord()) {
            if (value instanceof JsonObject object) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    JsonValue member = object.get(component.getName());
                    if (member != null) {
                        check(member, component.getGenericType(), pointer + "/" + escaped(component.getName()), issues);
                    }
                }
            } else if (value.getValueType() != JsonValue.ValueType.NULL) {
                // JSON-B binds [{...}] as the record of its one element: a body of another shape than the sender meant.
                issues.add(new BodyIssue(pointer, NOT_AN_OBJECT + shown(value)));
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                Type element = typeArgument(target, 0);
                for (int i = 0; i < value.asJsonArray().size(); i++) {
                    check(value.asJsonArray().get(i), element, pointer + "/" + i, issues);
                }
            } else if (value.getValueType() != JsonValue.ValueType.NULL) {
                issues.add(new BodyIssue(pointer, NOT_AN_ARRAY + shown(value)));
            }
        } else if (Map.class.isAssignableFrom(raw) && value instanceof JsonObject object) {
            Type member = typeArgument(target, 1);
            object.forEach((key, v) -> check(v, member, pointer + "/" + escaped(key), issues));
        }
        // Any other type (a JsonObject member, a map given as something else) is JSON-B's to bind or refuse.
    }

    /** The integer types a body binds, with the range each can hold without JSON-B clamping or wrapping. */
    private record IntegerRange(BigInteger min, BigInteger max) {

        static IntegerRange of(Class<?> type) {
            if (type == int.class || type == Integer.class) {
                return new IntegerRange(BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            }
            if (type == long.class || type == Long.class) {
                return new IntegerRange(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            }
            if (type == short.class || type == Short.class) {
                return new IntegerRange(BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
            }
            return null;
        }

        boolean holds(JsonValue value) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                return false;
            }
            BigInteger n = number.bigIntegerValueExact();
            return n.compareTo(min) >= 0 && n.compareTo(max) <= 0;
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** RFC 6901: a member name in a pointer escapes ~ and /. */
    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String shown(JsonValue value) {
        String json = value.toString();
        return json.length() <= 40 ? json : json.substring(0, 40) + "...";
    }
}

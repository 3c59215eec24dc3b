package dev.herald.schema;

import dev.harrel.jsonschema.EvaluationContext;
import dev.harrel.jsonschema.Evaluator;
import dev.harrel.jsonschema.EvaluatorFactory;
import dev.harrel.jsonschema.FormatEvaluatorFactory;
import dev.harrel.jsonschema.JsonNode;
import dev.harrel.jsonschema.SchemaParsingContext;
import java.time.Month;
import java.time.Year;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes {@code format} an assertion (by default JSON Schema only annotates it), for the formats that can be
 * checked here.
 *
 * <p>harrel's own {@code date-time} check accepts a time without offset ({@code 2026-11-23T07:41:51.792}), which
 * is ambiguous on the wire, so date-time is checked here as RFC 3339 requires: seconds and an offset ({@code Z}
 * or {@code +hh:mm}). The other formats are delegated to harrel, except the ones that need the optional jmail
 * library (email, idn-email, ipv4, ipv6), which is not on the class path: a check through them would throw
 * NoClassDefFoundError at validation time, so the registry refuses schemas that use them at load time.
 */
final class AssertedFormats implements EvaluatorFactory {

    static final Set<String> SUPPORTED = Set.of("date-time", "date", "time", "duration", "uuid", "uri",
            "uri-reference", "iri", "iri-reference", "uri-template", "hostname", "json-pointer",
            "relative-json-pointer", "regex");

    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})", Pattern.CASE_INSENSITIVE);

    private final FormatEvaluatorFactory harrel = new FormatEvaluatorFactory();

    @Override
    public Optional<Evaluator> create(SchemaParsingContext context, String keyword, JsonNode node) {
        if (!"format".equals(keyword) || !node.isString()) {
            return Optional.empty();
        }
        if ("date-time".equals(node.asString())) {
            return Optional.of(new DateTimeEvaluator());
        }
        return harrel.create(context, keyword, node);
    }

    /*
     * The regex fixes the shape, so the fields sit at known positions; checking their ranges directly is several
     * times cheaper than OffsetDateTime.parse on the validation hot path, and as strict (leap second 60 allowed).
     */
    static boolean isDateTime(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return false;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return false;
        }
        if (number(text, 11, 13) > 23 || number(text, 14, 16) > 59 || number(text, 17, 19) > 60) {
            return false;
        }
        char zone = Character.toUpperCase(text.charAt(text.length() - 1));
        if (zone == 'Z') {
            return true;
        }
        int end = text.length();
        return number(text, end - 5, end - 3) <= 23 && number(text, end - 2, end) <= 59;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** Like every format check, it only looks at strings: {@code type} is the keyword that refuses the rest. */
    private static final class DateTimeEvaluator implements Evaluator {
        @Override
        public Result evaluate(EvaluationContext context, JsonNode node) {
            if (!node.isString() || isDateTime(node.asString())) {
                return Result.success();
            }
            return Result.failure("expected an RFC 3339 date-time with seconds and an offset, e.g. 2026-11-23T07:41:51.792Z,"
                    + " got '" + node.asString() + "'");
        }
    }
}

package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems of a request the API cannot even read: a parameter that does not convert, a body that is not JSON or
 * not the JSON the endpoint reads, a body over the size limit. Their details name what was wrong in the request,
 * never a class of ours.
 */
public final class RequestProblems {

    /** How the JAX-RS runtime names a parameter it could not convert: {@code jakarta.ws.rs.QueryParam("page") value is 'abc'}. */
    private static final Pattern RUNTIME_PARAMETER =
            Pattern.compile("(Query|Path|Header|Matrix|Cookie|Form)Param\\(\"?([^\")]*)\"?\\) value is '(.*)'", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_$]+)'?");
    private static final int MAX_ECHO = 80;

    private RequestProblems() {
    }

    public static Problem invalidParameter(String kind, String name, String value, String expected) {
        return Problem.typed(400, "invalid-parameter", "Invalid parameter",
                        kind + " parameter " + name + " must be " + expected + ", got '" + echo(value) + "'")
                .with("parameter", name);
    }

    /** A parameter the runtime failed to convert, from its message (a generic detail when the message says nothing). */
    public static Problem invalidParameter(String runtimeMessage) {
        Matcher m = runtimeMessage == null ? null : RUNTIME_PARAMETER.matcher(runtimeMessage);
        if (m != null && m.find()) {
            return Problem.typed(400, "invalid-parameter", "Invalid parameter",
                            m.group(1).toLowerCase() + " parameter " + m.group(2) + " has an invalid value '" + echo(m.group(3)) + "'")
                    .with("parameter", m.group(2));
        }
        return Problem.typed(400, "invalid-parameter", "Invalid parameter", "a parameter of the request has an invalid value");
    }

    /** A body that failed to read: not JSON at all, or JSON of another shape than the endpoint takes. */
    public static Problem malformedBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParsingException parsing) {
                return Problem.typed(400, "malformed-body", "Malformed body", "the body is not valid JSON"
                        + (parsing.getLocation() == null ? "" : " (line " + parsing.getLocation().getLineNumber()
                        + ", column " + parsing.getLocation().getColumnNumber() + ")"));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("too deeply nested")) {
                return Problem.typed(400, "malformed-body", "Malformed body", "the body nests JSON deeper than the parser accepts");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher property = t instanceof JsonbException && t.getMessage() != null ? PROPERTY.matcher(t.getMessage()) : null;
            if (property != null && property.find()) {
                return Problem.typed(400, "malformed-body", "Malformed body",
                        "the body is JSON, but its member " + property.group(1) + " does not have the type this endpoint reads");
            }
        }
        return Problem.typed(400, "malformed-body", "Malformed body",
                "the body is not JSON of the shape this endpoint reads (see the OpenAPI document at /openapi)");
    }

    /** A body that is JSON, but an object or array where the endpoint reads the other or a scalar (StrictBodies). */
    public static Problem malformedShape(BodyIssue issue) {
        return Problem.typed(400, "malformed-body", "Malformed body", "the body is not JSON of the shape this endpoint reads: "
                + (issue.pointer().isEmpty() ? "the body" : issue.pointer()) + " " + issue.message());
    }

    /** A body that is JSON of the right shape whose members have the wrong JSON type or range, each named by its pointer. */
    public static Problem invalidBody(List<BodyIssue> issues) {
        JsonArrayBuilder array = WireJson.json().createArrayBuilder();
        issues.forEach(issue -> array.add(issue.toJson()));
        BodyIssue first = issues.get(0);
        return Problem.typed(400, "invalid-body", "Invalid body", "member " + first.pointer() + " " + first.message()
                        + (issues.size() == 1 ? "" : " (and " + (issues.size() - 1) + " more issues)"))
                .with("issues", array.build());
    }

    public static Problem bodyTooLarge(long maxBytes) {
        return Problem.typed(413, "body-too-large", "Content Too Large",
                        "the request body is larger than " + maxBytes + " bytes")
                .with("maxBytes", WireJson.json().createValue(maxBytes));
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    }
}

package dev.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Optional;

/** What an error answer of the API must be: an {@code application/problem+json} body (RFC 9457) of its status. */
final class ProblemAnswers {

    private ProblemAnswers() {
    }

    /** Why the answer is not a proper problem of its own status, or empty when it is one. */
    static Optional<String> defect(HttpResponse<String> answer) {
        return defect(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
    }

    /** Why an answer of this status, Content-Type and body is not a proper problem, or empty when it is one. */
    static Optional<String> defect(int status, String type, String body) {
        if (!type.startsWith("application/problem+json")) {
            return Optional.of("Content-Type is '" + type + "'");
        }
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            problem = reader.readObject();
        } catch (RuntimeException e) {
            return Optional.of("body is not a JSON object: " + e.getMessage());
        }
        if (problem.getInt("status", -1) != status) {
            return Optional.of("member status is " + problem.get("status"));
        }
        if (!problem.containsKey("type") || !problem.containsKey("title")) {
            return Optional.of("no type or title");
        }
        return Optional.empty();
    }

    /** The problem of an answer that must have the status, with a readable failure otherwise. */
    static JsonObject problem(HttpResponse<String> answer, int status) {
        String where = answer.request().method() + " " + answer.uri() + " -> " + answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("") + " " + answer.body();
        if (answer.statusCode() != status) {
            throw new AssertionError("expected " + status + ": " + where);
        }
        defect(answer).ifPresent(defect -> {
            throw new AssertionError(defect + ": " + where);
        });
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}

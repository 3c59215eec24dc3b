package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import dev.herald.jpa.StoreFailures;
import dev.herald.persistence.ValueTooLongException;
import jakarta.ws.rs.core.Response;

/**
 * The answers to a write the database refused, however the persistence provider or the transaction manager wrapped
 * the reason: a string longer than its column is the client's 400, a concurrent change of the same row its 409, and
 * anything else a fault of ours.
 */
final class StoreProblems {

    private StoreProblems() {
    }

    static Response answer(Throwable failure) {
        return StoreFailures.valueTooLong(failure).map(StoreProblems::tooLong)
                .orElseGet(() -> StoreFailures.isConcurrentChange(failure) ? concurrentChange() : UnexpectedErrorMapper.answer(failure));
    }

    static Response tooLong(ValueTooLongException error) {
        return Problems.response(Problem.typed(400, "value-too-long", "Value too long",
                        error.field() + " is " + error.length() + " characters long; at most " + error.maxLength() + " are stored")
                .with("field", error.field())
                .with("maxLength", WireJson.json().createValue(error.maxLength())));
    }

    static Response concurrentChange() {
        return Problems.response(Problem.typed(409, "concurrent-change", "Concurrent change",
                "another request changed the same data at the same time; read it again and retry"));
    }
}

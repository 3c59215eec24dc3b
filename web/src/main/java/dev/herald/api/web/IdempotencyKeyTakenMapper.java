package dev.herald.api.web;

import dev.herald.events.IdempotencyKeyTakenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Publishing lost the race for its idempotency key even on its second try: a 409 naming the key; publishing again is safe. */
@Provider
public class IdempotencyKeyTakenMapper implements ExceptionMapper<IdempotencyKeyTakenException> {

    @Override
    public Response toResponse(IdempotencyKeyTakenException error) {
        return Problems.response(Problem.typed(409, "idempotency-key-taken", "Idempotency key taken",
                        "a concurrent request published with idempotency key " + error.idempotencyKey() + "; publish again to get its event")
                .with("idempotencyKey", error.idempotencyKey()));
    }
}

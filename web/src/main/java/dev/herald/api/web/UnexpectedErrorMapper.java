package dev.herald.api.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: anything no other mapper knows is a 500 problem. The client gets an incident id and nothing of the
 * failure itself; the log gets the id and the whole stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        return answer(error);
    }

    static Response answer(Throwable error) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": unexpected failure of an API request", error);
        return Problems.response(Problem.typed(500, "internal-error", "Internal Server Error",
                "the request failed on the server; report incident " + incident).with("incident", incident));
    }
}

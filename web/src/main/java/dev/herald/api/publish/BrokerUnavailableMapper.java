package dev.herald.api.publish;

import dev.herald.events.BrokerUnavailableException;
import dev.herald.publish.PublishSettings;
import dev.herald.api.web.Problem;
import dev.herald.api.web.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A broker outage is the server's temporary trouble, not the client's mistake nor an unknown failure: 503 with
 * Retry-After, so that a client retries (with its idempotency key) instead of giving up on a 500.
 */
@Provider
public class BrokerUnavailableMapper implements ExceptionMapper<BrokerUnavailableException> {

    private static final Logger LOG = Logger.getLogger(BrokerUnavailableMapper.class.getName());

    @Inject
    PublishSettings settings;

    @Override
    public Response toResponse(BrokerUnavailableException error) {
        int retryAfterSeconds = settings.retryAfterSeconds();
        LOG.log(Level.WARNING, "refused with 503: " + error.getMessage(), error);
        return Response.fromResponse(Problems.response(Problem.typed(503, "broker-unavailable", "Service Unavailable",
                        "the message broker is unavailable, nothing was published; retry after " + retryAfterSeconds + " s")))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}

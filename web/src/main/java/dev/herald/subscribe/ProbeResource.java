package dev.herald.subscribe;

import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.subscribe.probe.ProbeRecorder;
import dev.herald.subscribe.probe.ProbeSubscribers;
import dev.herald.web.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What a test probe received; 404 unless {@code herald.subscribe.probes.enabled=true} (the test server only). */
@Path("/subscribe/probes")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    ProbeRecorder recorder;

    @Inject
    @ConfigProperty(name = ProbeSubscribers.ENABLED, defaultValue = "false")
    boolean enabled;

    @GET
    @Path("/{subscriberId}")
    public Response invocations(@PathParam("subscriberId") String subscriberId) {
        if (!enabled) {
            return Problems.notFound("test probes are off");
        }
        return Response.ok(recorder.of(subscriberId)).build();
    }
}

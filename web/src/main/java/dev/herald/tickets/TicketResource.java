package dev.herald.tickets;

import dev.herald.web.Problems;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Opens tickets. A placeholder for the ticket API of the reference domain services: today the tenant comes from
 * the request body; once authentication exists it comes from the caller's token.
 */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketService tickets;

    @POST
    @Operation(summary = "Open a ticket; publishes TICKET_CREATED in the same transaction")
    public Response create(NewTicket request) {
        if (request == null || isBlank(request.tenantId()) || isBlank(request.ticketNumber()) || isBlank(request.title())) {
            return Problems.badRequest("tenantId, ticketNumber and title are required");
        }
        try {
            return Response.status(Response.Status.CREATED).entity(tickets.create(request)).build();
        } catch (TicketRejectedException e) {
            return Problems.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @GET
    @Path("/count")
    @Operation(summary = "Number of tickets of a tenant")
    public Response count(@QueryParam("tenantId") String tenantId) {
        if (isBlank(tenantId)) {
            return Problems.badRequest("tenantId is required");
        }
        return Response.ok(Json.createObjectBuilder().add("tenantId", tenantId).add("count", tickets.count(tenantId)).build())
                .build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

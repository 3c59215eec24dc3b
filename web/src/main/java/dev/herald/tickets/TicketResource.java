package dev.herald.tickets;

import dev.herald.web.Problems;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;
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

    @Inject
    TicketNotifications notifications;

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
        } catch (UnknownTicketEntityException e) {
            return Problems.notFound(e.getMessage());
        }
    }

    @POST
    @Path("/companies")
    @Operation(summary = "Create a client company (its email is notified about its tickets)")
    public Response createCompany(TicketDirectoryRequest request) {
        return created(request, "companyId", tickets::createCompany);
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user who can be assigned tickets or work on them")
    public Response createUser(TicketDirectoryRequest request) {
        return created(request, "userId", tickets::createUser);
    }

    @POST
    @Path("/{ticketId}/assignee")
    @Operation(summary = "Assign the ticket to a user; publishes TICKET_ASSIGNED")
    public Response assign(@PathParam("ticketId") String ticketId, TicketDirectoryRequest request) {
        return onTicketUser(request, () -> tickets.assign(ticketId, request));
    }

    @POST
    @Path("/{ticketId}/resources")
    @Operation(summary = "Add a user as an additional resource; publishes TICKET_UPDATED")
    public Response addResource(@PathParam("ticketId") String ticketId, TicketDirectoryRequest request) {
        return onTicketUser(request, () -> tickets.addResource(ticketId, request));
    }

    @GET
    @Path("/{ticketId}/notifications")
    @Operation(summary = "The notifications the ticket subscriber recorded for a ticket")
    public Response notifications(@PathParam("ticketId") String ticketId, @QueryParam("tenantId") String tenantId) {
        if (isBlank(tenantId)) {
            return Problems.badRequest("tenantId is required");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        notifications.of(tenantId, ticketId).forEach(n -> items.add(Json.createObjectBuilder().add("eventId", n.getEventId())
                .add("eventType", n.getEventType()).add("recipient", n.getRecipient()).add("role", n.getRole().name())));
        return Response.ok(items.build()).build();
    }

    private Response onTicketUser(TicketDirectoryRequest request, Supplier<String> action) {
        if (request == null || isBlank(request.tenantId()) || isBlank(request.userId())) {
            return Problems.badRequest("tenantId and userId are required");
        }
        try {
            return Response.accepted(Json.createObjectBuilder().add("eventId", action.get()).build()).build();
        } catch (UnknownTicketEntityException e) {
            return Problems.notFound(e.getMessage());
        }
    }

    private static Response created(TicketDirectoryRequest request, String idName, Function<TicketDirectoryRequest, String> create) {
        if (request == null || isBlank(request.tenantId()) || isBlank(request.name())) {
            return Problems.badRequest("tenantId and name are required");
        }
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add(idName, create.apply(request)).build()).build();
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

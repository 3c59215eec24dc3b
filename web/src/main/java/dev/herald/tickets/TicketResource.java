package dev.herald.tickets;

import static dev.herald.web.Requests.body;
import static dev.herald.web.Requests.created;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.changes.ChangeResult;
import dev.herald.tickets.TicketRequests.Assignee;
import dev.herald.tickets.TicketRequests.NewCategory;
import dev.herald.tickets.TicketRequests.NewComment;
import dev.herald.tickets.TicketRequests.NewContact;
import dev.herald.tickets.TicketRequests.StatusMove;
import dev.herald.tickets.TicketRequests.TicketUpdate;
import dev.herald.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tickets, the reference for business code that emits events at the point where state changes: every operation
 * answers the events it published, in order. The tenant is the caller's; a body that names another tenant
 * ({@code tenantId}, which the first endpoints always took) is refused with 403.
 */
@Path("/tickets")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    Caller caller;

    @Inject
    TicketService tickets;

    @Inject
    TicketNotifications notifications;

    @POST
    @Operation(summary = "Open a ticket (TICKET_CREATED, and TICKET_ASSIGNED with an assignee) in one transaction")
    public Response create(NewTicket request) {
        String tenant = caller.ownTenant(body(request).tenantId());
        try {
            return created(tickets.create(tenant, request));
        } catch (TicketRejectedException e) {
            return Problems.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @PATCH
    @Path("/{ticketId}")
    @Operation(summary = "Change title, description, status, priority or board (TICKET_UPDATED, then _STATUS_CHANGED, _CLOSED, "
            + "_REOPENED, _PRIORITY_CHANGED, _QUEUE_CHANGED, _ESCALATED as the change means)")
    public ChangeResult update(@PathParam("ticketId") String ticketId, TicketUpdate update) {
        return tickets.update(caller.tenant(), ticketId, body(update));
    }

    @POST
    @Path("/{ticketId}/close")
    @Operation(summary = "Move the ticket into a closed status (TICKET_UPDATED, TICKET_STATUS_CHANGED, TICKET_CLOSED)")
    public ChangeResult close(@PathParam("ticketId") String ticketId, StatusMove move) {
        return tickets.close(caller.tenant(), ticketId, body(move));
    }

    @POST
    @Path("/{ticketId}/reopen")
    @Operation(summary = "Move a closed ticket into an open status (TICKET_UPDATED, TICKET_STATUS_CHANGED, TICKET_REOPENED)")
    public ChangeResult reopen(@PathParam("ticketId") String ticketId, StatusMove move) {
        return tickets.reopen(caller.tenant(), ticketId, body(move));
    }

    @POST
    @Path("/{ticketId}/assignee")
    @Operation(summary = "Assign the ticket to a user (TICKET_ASSIGNED; nothing when it is theirs already)")
    public Response assign(@PathParam("ticketId") String ticketId, TicketDirectoryRequest request) {
        return onTicketUser(request, (tenant, user) -> tickets.assign(tenant, ticketId, user));
    }

    @DELETE
    @Path("/{ticketId}/assignee")
    @Operation(summary = "Take the ticket from its assignee (TICKET_UNASSIGNED; nothing when it has none)")
    public ChangeResult unassign(@PathParam("ticketId") String ticketId,
                                 @QueryParam("actorUserId") String actorUserId) {
        return tickets.unassign(caller.tenant(), ticketId, actorUserId);
    }

    @POST
    @Path("/{ticketId}/resources")
    @Operation(summary = "Add a user as an additional resource (TICKET_UPDATED of additionalResources)")
    public Response addResource(@PathParam("ticketId") String ticketId, TicketDirectoryRequest request) {
        return onTicketUser(request, (tenant, user) -> tickets.addResource(tenant, ticketId, user));
    }

    @POST
    @Path("/{ticketId}/comments")
    @Operation(summary = "Comment on the ticket, publicly or internally, as a user or a client contact (TICKET_MESSAGE_ADDED, "
            + "TICKET_INTERNAL_NOTE_ADDED or TICKET_CUSTOMER_REPLIED, and the legacy TICKET_COMMENT_ADDED)")
    public Response comment(@PathParam("ticketId") String ticketId, NewComment request) {
        return created(tickets.comment(caller.tenant(), ticketId, body(request)));
    }

    @POST
    @Path("/statuses")
    @Operation(summary = "Create a ticket status of the tenant (closed: entering it closes a ticket)")
    public Response createStatus(NewCategory request) {
        return createdId(tickets.createStatus(caller.tenant(), body(request)));
    }

    @POST
    @Path("/priorities")
    @Operation(summary = "Create a ticket priority of the tenant")
    public Response createPriority(NewCategory request) {
        return createdId(tickets.createPriority(caller.tenant(), body(request)));
    }

    @POST
    @Path("/boards")
    @Operation(summary = "Create a board of the tenant (escalation: moving a ticket onto it escalates the ticket)")
    public Response createBoard(NewCategory request) {
        return createdId(tickets.createBoard(caller.tenant(), body(request)));
    }

    @POST
    @Path("/contacts")
    @Operation(summary = "Create a client contact (optionally of a company), who can comment on tickets")
    public Response createContact(NewContact request) {
        return createdId(tickets.createContact(caller.tenant(), body(request)));
    }

    @POST
    @Path("/companies")
    @Operation(summary = "Create a client company (its email is notified about its tickets)")
    public Response createCompany(TicketDirectoryRequest request) {
        return createdDirectoryEntry(request, "companyId", tickets::createCompany);
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user who can be assigned tickets or work on them")
    public Response createUser(TicketDirectoryRequest request) {
        return createdDirectoryEntry(request, "userId", tickets::createUser);
    }

    @GET
    @Path("/{ticketId}/notifications")
    @Operation(summary = "The notifications the ticket subscriber recorded for a ticket")
    @RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
    public Response notifications(@PathParam("ticketId") String ticketId) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        notifications.of(caller.tenant(), ticketId).forEach(n -> items.add(Json.createObjectBuilder().add("eventId", n.getEventId())
                .add("eventType", n.getEventType()).add("recipient", n.getRecipient()).add("role", n.getRole().name())));
        return Response.ok(items.build()).build();
    }

    @GET
    @Path("/count")
    @Operation(summary = "Number of tickets of a tenant")
    @RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
    public Response count() {
        String tenant = caller.tenant();
        return Response.ok(Json.createObjectBuilder().add("tenantId", tenant).add("count", tickets.count(tenant)).build()).build();
    }

    private interface OnUser {
        ChangeResult apply(String tenantId, Assignee user);
    }

    /** 202 with the events, and {@code eventId} (the first, when there is one) as these endpoints always answered. */
    private Response onTicketUser(TicketDirectoryRequest request, OnUser action) {
        String tenant = caller.ownTenant(body(request).tenantId());
        if (isBlank(body(request).userId())) {
            return Problems.badRequest("userId is required");
        }
        ChangeResult result = action.apply(tenant, new Assignee(request.userId(), request.actorUserId()));
        JsonObjectBuilder answer = Json.createObjectBuilder().add("id", result.id());
        if (!result.eventIds().isEmpty()) {
            answer.add("eventId", result.eventIds().get(0));
        }
        return Response.accepted(answer.add("eventIds", Json.createArrayBuilder(result.eventIds()))
                .add("eventTypes", Json.createArrayBuilder(result.eventTypes())).build()).build();
    }

    private static Response createdId(String id) {
        return created(Json.createObjectBuilder().add("id", id).build());
    }

    private Response createdDirectoryEntry(TicketDirectoryRequest request, String idName, Function<TicketDirectoryRequest, String> create) {
        String tenant = caller.ownTenant(body(request).tenantId());
        if (isBlank(request.name())) {
            return Problems.badRequest("name is required");
        }
        return created(Json.createObjectBuilder().add(idName, create.apply(request.inTenant(tenant))).build());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

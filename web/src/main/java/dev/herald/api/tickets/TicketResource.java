package dev.herald.api.tickets;

import dev.herald.kernel.WireJson;
import dev.herald.reference.tickets.NewTicket;
import dev.herald.reference.tickets.TicketDirectoryRequest;
import dev.herald.reference.tickets.TicketNotifications;
import dev.herald.reference.tickets.TicketRejectedException;
import dev.herald.reference.tickets.TicketService;
import static dev.herald.api.web.Requests.body;
import static dev.herald.api.web.Requests.created;

import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.tickets.TicketRequests.Assignee;
import dev.herald.reference.tickets.TicketRequests.NewCategory;
import dev.herald.reference.tickets.TicketRequests.NewComment;
import dev.herald.reference.tickets.TicketRequests.NewContact;
import dev.herald.reference.tickets.TicketRequests.StatusMove;
import dev.herald.reference.tickets.TicketRequests.TicketUpdate;
import dev.herald.api.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"ticketNumber\":\"T-100\",\"title\":\"Printer on fire\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"ticketNumber\":\"T-100\",\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_CREATED\"]}")))
    @APIResponse(responseCode = "409", description = "Conflict",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"ticket number T-100 already exists in tenant acme\",\"instance\":\"/api/tickets\"}")))
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
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"title\":\"Printer on fire (3rd floor)\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_UPDATED\"]}")))
    public ChangeResult update(@PathParam("ticketId") String ticketId, TicketUpdate update) {
        return tickets.update(caller.tenant(), ticketId, body(update));
    }

    @POST
    @Path("/{ticketId}/close")
    @Operation(summary = "Move the ticket into a closed status (TICKET_UPDATED, TICKET_STATUS_CHANGED, TICKET_CLOSED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"statusId\":\"c1f0c2d3-0000-4000-8000-00000000c105\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_UPDATED\",\"TICKET_STATUS_CHANGED\",\"TICKET_CLOSED\"]}")))
    public ChangeResult close(@PathParam("ticketId") String ticketId, StatusMove move) {
        return tickets.close(caller.tenant(), ticketId, body(move));
    }

    @POST
    @Path("/{ticketId}/reopen")
    @Operation(summary = "Move a closed ticket into an open status (TICKET_UPDATED, TICKET_STATUS_CHANGED, TICKET_REOPENED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"statusId\":\"c1f0c2d3-0000-4000-8000-0000000000e1\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_UPDATED\",\"TICKET_STATUS_CHANGED\",\"TICKET_REOPENED\"]}")))
    public ChangeResult reopen(@PathParam("ticketId") String ticketId, StatusMove move) {
        return tickets.reopen(caller.tenant(), ticketId, body(move));
    }

    @POST
    @Path("/{ticketId}/assignee")
    @Operation(summary = "Assign the ticket to a user (TICKET_ASSIGNED; nothing when it is theirs already)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "202", description = "Assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_ASSIGNED\"]}")))
    public Response assign(@PathParam("ticketId") String ticketId, TicketDirectoryRequest request) {
        return onTicketUser(request, (tenant, user) -> tickets.assign(tenant, ticketId, user));
    }

    @DELETE
    @Path("/{ticketId}/assignee")
    @Operation(summary = "Take the ticket from its assignee (TICKET_UNASSIGNED; nothing when it has none)")
    @Parameter(name = "actorUserId", in = ParameterIn.QUERY, description = "the user who acts", example = "6b0f4a52-2222-4000-8000-000000000003")
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_UNASSIGNED\"]}")))
    public ChangeResult unassign(@PathParam("ticketId") String ticketId,
                                 @QueryParam("actorUserId") String actorUserId) {
        return tickets.unassign(caller.tenant(), ticketId, actorUserId);
    }

    @POST
    @Path("/{ticketId}/resources")
    @Operation(summary = "Add a user as an additional resource (TICKET_UPDATED of additionalResources)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "202", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_UPDATED\"]}")))
    public Response addResource(@PathParam("ticketId") String ticketId, TicketDirectoryRequest request) {
        return onTicketUser(request, (tenant, user) -> tickets.addResource(tenant, ticketId, user));
    }

    @POST
    @Path("/{ticketId}/comments")
    @Operation(summary = "Comment on the ticket, publicly or internally, as a user or a client contact (TICKET_MESSAGE_ADDED, "
            + "TICKET_INTERNAL_NOTE_ADDED or TICKET_CUSTOMER_REPLIED, and the legacy TICKET_COMMENT_ADDED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"body\":\"Replaced the toner\",\"internal\":false,\"authorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_MESSAGE_ADDED\",\"TICKET_COMMENT_ADDED\"]}")))
    public Response comment(@PathParam("ticketId") String ticketId, NewComment request) {
        return created(tickets.comment(caller.tenant(), ticketId, body(request)));
    }

    @POST
    @Path("/statuses")
    @Operation(summary = "Create a ticket status of the tenant (closed: entering it closes a ticket)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"Closed\",\"closed\":true}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"c1f0c2d3-0000-4000-8000-00000000c105\"}")))
    public Response createStatus(NewCategory request) {
        return createdId(tickets.createStatus(caller.tenant(), body(request)));
    }

    @POST
    @Path("/priorities")
    @Operation(summary = "Create a ticket priority of the tenant")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"High\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"a1b2c3d4-0000-4000-8000-0000000000a1\"}")))
    public Response createPriority(NewCategory request) {
        return createdId(tickets.createPriority(caller.tenant(), body(request)));
    }

    @POST
    @Path("/boards")
    @Operation(summary = "Create a board of the tenant (escalation: moving a ticket onto it escalates the ticket)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"Escalations\",\"escalation\":true}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"b0a4d000-0000-4000-8000-0000000000b1\"}")))
    public Response createBoard(NewCategory request) {
        return createdId(tickets.createBoard(caller.tenant(), body(request)));
    }

    @POST
    @Path("/contacts")
    @Operation(summary = "Create a client contact (optionally of a company), who can comment on tickets")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"Carol Client\",\"email\":\"carol@client.test\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"c0c0c0c0-0000-4000-8000-0000000000c1\"}")))
    public Response createContact(NewContact request) {
        return createdId(tickets.createContact(caller.tenant(), body(request)));
    }

    @POST
    @Path("/companies")
    @Operation(summary = "Create a client company (its email is notified about its tickets)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"Client Ltd\",\"email\":\"it@client.test\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"companyId\":\"c0a4a000-0000-4000-8000-0000000000a1\"}")))
    public Response createCompany(TicketDirectoryRequest request) {
        return createdDirectoryEntry(request, "companyId", tickets::createCompany);
    }

    @POST
    @Path("/users")
    @Operation(summary = "Create a user who can be assigned tickets or work on them")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"Alice\",\"email\":\"alice@msp.test\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    public Response createUser(TicketDirectoryRequest request) {
        return createdDirectoryEntry(request, "userId", tickets::createUser);
    }

    @GET
    @Path("/{ticketId}/notifications")
    @Operation(summary = "The notifications the ticket subscriber recorded for a ticket")
    @RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
    @APIResponse(responseCode = "200", description = "What the reference subscriber recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventType\":\"TICKET_ASSIGNED\",\"recipient\":\"alice@msp.test\",\"role\":\"ASSIGNEE\"}]")))
    public Response notifications(@PathParam("ticketId") String ticketId) {
        JsonArrayBuilder items = WireJson.json().createArrayBuilder();
        notifications.of(caller.tenant(), ticketId).forEach(n -> items.add(WireJson.json().createObjectBuilder().add("eventId", n.getEventId())
                .add("eventType", n.getEventType()).add("recipient", n.getRecipient()).add("role", n.getRole().name())));
        return Response.ok(items.build()).build();
    }

    @GET
    @Path("/count")
    @Operation(summary = "Number of tickets of a tenant")
    @RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
    @APIResponse(responseCode = "200", description = "The tenant's number of tickets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"tenantId\":\"acme\",\"count\":12}")))
    public Response count() {
        String tenant = caller.tenant();
        return Response.ok(WireJson.json().createObjectBuilder().add("tenantId", tenant).add("count", tickets.count(tenant)).build()).build();
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
        JsonObjectBuilder answer = WireJson.json().createObjectBuilder().add("id", result.id());
        if (!result.eventIds().isEmpty()) {
            answer.add("eventId", result.eventIds().get(0));
        }
        return Response.accepted(answer.add("eventIds", WireJson.json().createArrayBuilder(result.eventIds()))
                .add("eventTypes", WireJson.json().createArrayBuilder(result.eventTypes())).build()).build();
    }

    private static Response createdId(String id) {
        return created(WireJson.json().createObjectBuilder().add("id", id).build());
    }

    private Response createdDirectoryEntry(TicketDirectoryRequest request, String idName, Function<TicketDirectoryRequest, String> create) {
        String tenant = caller.ownTenant(body(request).tenantId());
        if (isBlank(request.name())) {
            return Problems.badRequest("name is required");
        }
        return created(WireJson.json().createObjectBuilder().add(idName, create.apply(request.inTenant(tenant))).build());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

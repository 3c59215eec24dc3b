package dev.herald.api.timeentries;

import dev.herald.reference.timeentries.TimeEntryService;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import static dev.herald.api.web.Requests.body;
import static dev.herald.api.web.Requests.created;

import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.timeentries.TimeEntryService.NewTimeEntry;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Time entries: log (TICKET_TIME_ENTRY_ADDED on a ticket), submit (TIME_ENTRY_SUBMITTED), approve (TIME_ENTRY_APPROVED). */
@Path("/time-entries")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimeEntryResource {

    @Inject
    Caller caller;

    /** The user who acts: submits or approves. */
    public record Actor(String actorUserId) {
    }

    @Inject
    TimeEntryService timeEntries;

    @POST
    @Operation(summary = "Log time on a ticket or a project task")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\",\"workItemId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"workItemType\":\"ticket\",\"minutes\":45,\"billable\":true,\"rateCents\":12000}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TICKET_TIME_ENTRY_ADDED\"]}")))
    public Response log(NewTimeEntry request) {
        return created(timeEntries.log(caller.tenant(), body(request)));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit a draft time entry for approval")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TIME_ENTRY_SUBMITTED\"]}")))
    public ChangeResult submit(@PathParam("id") String id, Actor actor) {
        return timeEntries.submit(caller.tenant(), id, actor == null ? null : actor.actorUserId());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a submitted time entry; approved billable time is invoiced once")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"4e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"TIME_ENTRY_APPROVED\"]}")))
    public ChangeResult approve(@PathParam("id") String id, Actor actor) {
        return timeEntries.approve(caller.tenant(), id, actor == null ? null : actor.actorUserId());
    }
}

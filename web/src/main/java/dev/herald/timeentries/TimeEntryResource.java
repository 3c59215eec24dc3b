package dev.herald.timeentries;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import static dev.herald.web.Requests.body;
import static dev.herald.web.Requests.created;

import dev.herald.changes.ChangeResult;
import dev.herald.timeentries.TimeEntryService.NewTimeEntry;

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
    public Response log(NewTimeEntry request) {
        return created(timeEntries.log(caller.tenant(), body(request)));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit a draft time entry for approval")
    public ChangeResult submit(@PathParam("id") String id, Actor actor) {
        return timeEntries.submit(caller.tenant(), id, actor == null ? null : actor.actorUserId());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a submitted time entry; approved billable time is invoiced once")
    public ChangeResult approve(@PathParam("id") String id, Actor actor) {
        return timeEntries.approve(caller.tenant(), id, actor == null ? null : actor.actorUserId());
    }
}

package dev.herald.workflow;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.web.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Workflow executions over HTTP: start one, submit events to it, and read what it is now or was at an earlier
 * sequence or time. Translation only; {@link WorkflowService} decides. Until authentication exists the tenant is
 * a query parameter; it will come from the caller's token. Conflicts answer 409, refused transitions 422, unknown
 * executions 404 (see the mappers next to this class).
 */
@Path("/workflows")
@RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    Caller caller;

    @Inject
    WorkflowService workflows;

    @Inject
    WorkflowDefinitions definitions;

    @Inject
    WorkflowTriggers triggers;

    @Context
    UriInfo uri;

    @GET
    @Path("/definitions")
    @Operation(summary = "The deployed workflow definitions, every version: states, transitions, triggers")
    public List<DefinitionView> definitions() {
        String tenantId = caller.tenant();
        return definitions.all().stream().map(DefinitionView::of).toList();
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions")
    @Operation(summary = "Start an execution of the newest version of a workflow (optional initial data and correlation key)")
    public Response start(StartRequest request) {
        String tenantId = caller.tenant();
        if (request == null) {
            return Problems.badRequest("a workflowName is required");
        }
        ExecutionSummary execution = workflows.start(tenantId, request.workflowName(), request.data(),
                request.correlationKey(), request.userId());
        return Response.created(uri.getAbsolutePathBuilder().path(execution.executionId()).build()).entity(execution).build();
    }

    @GET
    @Path("/executions")
    @Operation(summary = "The executions with a correlation key (?correlationKey=), oldest first, e.g. those a trigger started")
    public List<ExecutionSummary> executions(@QueryParam("correlationKey") String correlationKey) {
        return workflows.executionsCorrelatedWith(caller.tenant(), correlationKey);
    }

    @GET
    @Path("/executions/{id}")
    @Operation(summary = "An execution and its current state (read from the execution, no replay)")
    public ExecutionSummary execution(@PathParam("id") String executionId) {
        return workflows.execution(caller.tenant(), executionId);
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions/{id}/events")
    @Operation(summary = "Apply one event at the expected sequence: 409 if the execution moved on, 422 if the state refuses"
            + " it; a repeated eventId answers its first result")
    public Response submit(@PathParam("id") String executionId,
                           EventSubmission event) {
        String tenantId = caller.tenant();
        if (event == null || event.expectedSequence() == null) {
            return Problems.badRequest("expectedSequence, eventId and eventName are required");
        }
        return Response.ok(workflows.submitEvent(tenantId, executionId, event.expectedSequence(), event.eventId(),
                event.eventName(), event.payload(), event.userId())).build();
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions/{id}/events:enqueue")
    @Operation(summary = "Journal one event as PENDING at the execution's next sequence and return at once (202 with the"
            + " journal row); workers apply queued events in sequence order, retry failures with backoff and mark an event"
            + " DEAD after herald.workflow.max-attempts. No expectedSequence: the queue assigns it. A repeated eventId"
            + " answers its row and journals nothing")
    public Response enqueue(@PathParam("id") String executionId,
                            EventSubmission event) {
        String tenantId = caller.tenant();
        if (event == null) {
            return Problems.badRequest("eventId and eventName are required");
        }
        return Response.accepted(workflows.enqueueEvent(tenantId, executionId, event.eventId(), event.eventName(),
                event.payload(), event.userId())).build();
    }

    @GET
    @Path("/early-events")
    @Operation(summary = "Correlated domain events kept because no execution waited on their key yet (oldest first)")
    public List<EarlyEventView> earlyEvents() {
        return triggers.earlyEvents(caller.tenant());
    }

    @GET
    @Path("/executions/{id}/state")
    @Operation(summary = "The state replayed up to a sequence (?sequence=N) or a time (?until=ISO instant), or now;"
            + " trace=true tells which snapshot and events the replay used")
    public ReplayView state(@PathParam("id") String executionId,
                            @QueryParam("sequence") Long sequence, @QueryParam("until") String until,
                            @QueryParam("trace") @DefaultValue("false") boolean trace) {
        String tenantId = caller.tenant();
        if (sequence != null && until != null) {
            throw new IllegalArgumentException("give sequence or until, not both");
        }
        if (sequence != null) {
            return ReplayView.of(workflows.stateUntil(tenantId, executionId, sequence, trace));
        }
        if (until != null) {
            return ReplayView.of(workflows.stateUntil(tenantId, executionId, instant(until), trace));
        }
        return ReplayView.of(workflows.replayLatest(tenantId, executionId, trace));
    }

    @GET
    @Path("/executions/{id}/journal")
    @Operation(summary = "One page of the execution's journal, in sequence order, with the total")
    public JournalPage journal(@PathParam("id") String executionId,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        return workflows.journal(caller.tenant(), executionId, page, size);
    }

    @GET
    @Path("/executions/{id}/snapshots")
    @Operation(summary = "The execution's stored snapshots, newest (highest sequence) first")
    public List<Snapshot> snapshots(@PathParam("id") String executionId) {
        return workflows.snapshots(caller.tenant(), executionId);
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions/{id}/snapshots")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Snapshot the current state now (only the newest K snapshots are kept)")
    public Response takeSnapshot(@PathParam("id") String executionId) {
        return Response.status(Response.Status.CREATED)
                .entity(workflows.takeSnapshot(caller.tenant(), executionId)).build();
    }

    private static Instant instant(String until) {
        try {
            return Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("until must be an ISO-8601 instant such as 2024-05-01T12:00:00Z, got " + until);
        }
    }
}

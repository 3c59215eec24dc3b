package dev.herald.api.workflow;

import dev.herald.workflow.EarlyEventView;
import dev.herald.workflow.ExecutionSummary;
import dev.herald.workflow.JournalPage;
import dev.herald.workflow.JournalView;
import dev.herald.workflow.Snapshot;
import dev.herald.workflow.WorkflowDefinitions;
import dev.herald.workflow.WorkflowService;
import dev.herald.workflow.WorkflowTriggers;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.api.web.Problems;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

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
    @APIResponse(responseCode = "200", description = "Every deployed definition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"name\":\"ticket-lifecycle\",\"version\":1,\"initialState\":\"open\",\"states\":{\"open\":\"WAITING\",\"closed\":\"COMPLETED\"},\"transitions\":[\"open --TICKET_ASSIGNED--> assigned\"],\"triggers\":[\"TICKET_CREATED starts, correlated by ticketId\"]}]")))
    public List<DefinitionView> definitions() {
        String tenantId = caller.tenant();
        return definitions.all().stream().map(DefinitionView::of).toList();
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions")
    @Operation(summary = "Start an execution of the newest version of a workflow (optional initial data and correlation key)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"workflowName\":\"ticket-lifecycle\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"},\"correlationKey\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Started; Location names the execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"tenantId\":\"acme\",\"executionId\":\"9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a\",\"workflowName\":\"ticket-lifecycle\",\"workflowVersion\":1,\"correlationKey\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"state\":{\"currentState\":\"open\",\"status\":\"WAITING\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"},\"sequence\":0}}")))
    public Response start(StartRequest request) {
        String tenantId = caller.tenant();
        if (request == null) {
            return Problems.badRequest("a workflowName is required");
        }
        ExecutionSummary execution = workflows.start(tenantId, request.workflowName(), request.data(),
                request.correlationKey(), request.userId());
        // A path, not an absolute URI: an absolute one would be built from the request's Host header, which the client
        // chooses (a forged Host would come back in Location).
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, uri.getBaseUri().getRawPath() + "workflows/executions/" + execution.executionId())
                .entity(execution).build();
    }

    @GET
    @Path("/executions")
    @Operation(summary = "The executions with a correlation key (?correlationKey=), oldest first, e.g. those a trigger"
            + " started; without one, a page of the tenant's executions, newest first (?workflowName= for one workflow)")
    @Parameter(name = "correlationKey", in = ParameterIn.QUERY, description = "the correlation key", example = "3f1c2a9e-0000-4000-8000-000000000001")
    @Parameter(name = "workflowName", in = ParameterIn.QUERY, description = "without a correlation key: only this workflow's executions", example = "ticket-lifecycle")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "without a correlation key: page number, from 0", example = "0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "without a correlation key: executions per page (1 to 500)", example = "20")
    @APIResponse(responseCode = "200", description = "The correlated executions, oldest first; or a page of the newest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"tenantId\":\"acme\",\"executionId\":\"9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a\",\"workflowName\":\"ticket-lifecycle\",\"workflowVersion\":1,\"correlationKey\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"state\":{\"currentState\":\"assigned\",\"status\":\"WAITING\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"},\"sequence\":1}}]")))
    public List<ExecutionSummary> executions(@QueryParam("correlationKey") String correlationKey,
                                             @QueryParam("workflowName") String workflowName,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("20") int size) {
        if (correlationKey != null) {
            return workflows.executionsCorrelatedWith(caller.tenant(), correlationKey);
        }
        return workflows.recentExecutions(caller.tenant(), workflowName, page, size);
    }

    @GET
    @Path("/executions/{id}")
    @Operation(summary = "An execution and its current state (read from the execution, no replay)")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @APIResponse(responseCode = "200", description = "The execution and its current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"tenantId\":\"acme\",\"executionId\":\"9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a\",\"workflowName\":\"ticket-lifecycle\",\"workflowVersion\":1,\"correlationKey\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"state\":{\"currentState\":\"assigned\",\"status\":\"WAITING\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"},\"sequence\":1}}")))
    @APIResponse(responseCode = "404", description = "Not Found",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no execution 9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a in tenant acme\",\"instance\":\"/api/workflows/executions/9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a\"}")))
    public ExecutionSummary execution(@PathParam("id") String executionId) {
        return workflows.execution(caller.tenant(), executionId);
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions/{id}/events")
    @Operation(summary = "Apply one event at the expected sequence: 409 if the execution moved on, 422 if the state refuses"
            + " it; a repeated eventId answers its first result")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"expectedSequence\":0,\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventName\":\"TICKET_ASSIGNED\",\"payload\":{\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"},\"userId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The state after the event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"currentState\":\"assigned\",\"status\":\"WAITING\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"},\"sequence\":1}")))
    @APIResponse(responseCode = "409", description = "Sequence conflict",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"urn:herald:problem:sequence-conflict\",\"title\":\"Sequence conflict\",\"status\":409,\"detail\":\"execution 9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a is at sequence 2, not 0\",\"instance\":\"/api/workflows/executions/9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a/events\",\"executionId\":\"9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a\",\"expectedSequence\":0}")))
    @APIResponse(responseCode = "422", description = "Transition refused",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"urn:herald:problem:transition-refused\",\"title\":\"Transition refused\",\"status\":422,\"detail\":\"state closed does not accept TICKET_ASSIGNED\",\"instance\":\"/api/workflows/executions/9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a/events\",\"state\":\"closed\",\"eventName\":\"TICKET_ASSIGNED\",\"transitions\":[\"TICKET_REOPENED\"]}")))
    public Response submit(@PathParam("id") String executionId,
                           EventSubmission event) {
        String tenantId = caller.tenant();
        if (event == null || event.expectedSequence() == null) {
            return Problems.badRequest("expectedSequence, eventId and eventName are required");
        }
        if (!event.versionIsValid()) {
            return Problems.badRequest("version must be 1 or more, was " + event.version());
        }
        return Response.ok(workflows.submitEvent(tenantId, executionId, event.expectedSequence(), event.eventId(),
                event.eventName(), event.payload(), event.versionOr1(), event.userId())).build();
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions/{id}/events:enqueue")
    @Operation(summary = "Journal one event as PENDING at the execution's next sequence and return at once (202 with the"
            + " journal row); workers apply queued events in sequence order, retry failures with backoff and mark an event"
            + " DEAD after herald.workflow.max-attempts. No expectedSequence: the queue assigns it. A repeated eventId"
            + " answers its row and journals nothing")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"eventName\":\"TICKET_ASSIGNED\",\"payload\":{\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"}}")))
    @APIResponse(responseCode = "202", description = "Journaled as PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"sequence\":1,\"eventName\":\"TICKET_ASSIGNED\",\"processingStatus\":\"PENDING\",\"attempts\":0}")))
    public Response enqueue(@PathParam("id") String executionId,
                            EventSubmission event) {
        String tenantId = caller.tenant();
        if (event == null) {
            return Problems.badRequest("eventId and eventName are required");
        }
        if (!event.versionIsValid()) {
            return Problems.badRequest("version must be 1 or more, was " + event.version());
        }
        return Response.accepted(workflows.enqueueEvent(tenantId, executionId, event.eventId(), event.eventName(),
                event.payload(), event.versionOr1(), event.userId())).build();
    }

    @POST
    @RolesAllowed(Groups.ADMIN)
    @Path("/executions/{id}/events/{eventId}:retry")
    @Operation(summary = "Retry a DEAD queued event (admin): PENDING again at attempt 0 and the execution's queue open, so"
            + " the workers apply it and then the events held back behind it. For a failure that has gone away; an event"
            + " the state refuses dies again. 409 when the event is not DEAD")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @Parameter(name = "eventId", in = ParameterIn.PATH, description = "the DEAD event's id", example = "0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b")
    @APIResponse(responseCode = "202", description = "Revived: the row as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"sequence\":1,\"eventName\":\"TICKET_ASSIGNED\",\"processingStatus\":\"PENDING\",\"attempts\":0,\"lastError\":\"IllegalStateException: the ticket service did not answer\"}")))
    @APIResponse(responseCode = "409", description = "The event is not DEAD",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"urn:herald:problem:event-not-dead\",\"title\":\"Event not dead\",\"status\":409,\"detail\":\"event 0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b is DONE; only a DEAD event can be retried\",\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"processingStatus\":\"DONE\"}")))
    public Response retryDead(@PathParam("id") String executionId, @PathParam("eventId") String eventId) {
        return Response.accepted(workflows.retryDead(caller.tenant(), executionId, eventId)).build();
    }

    @POST
    @RolesAllowed(Groups.ADMIN)
    @Path("/executions/{id}/events/{eventId}:discard")
    @Operation(summary = "Discard a DEAD queued event (admin), for one that will never apply: DISCARDED at its sequence"
            + " with its payload and last error kept, the execution passed over it unchanged (replay does the same), and"
            + " the events held back behind it go on. 409 when the event is not DEAD")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @Parameter(name = "eventId", in = ParameterIn.PATH, description = "the DEAD event's id", example = "0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b")
    @APIResponse(responseCode = "200", description = "Discarded: the row as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"sequence\":1,\"eventName\":\"TICKET_REOPENED\",\"fromState\":\"open\",\"toState\":\"open\",\"processingStatus\":\"DISCARDED\",\"attempts\":5,\"lastError\":\"TransitionRefusedException: ticket-lifecycle v1 refuses TICKET_REOPENED in state 'open'\"}")))
    @APIResponse(responseCode = "409", description = "The event is not DEAD",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"urn:herald:problem:event-not-dead\",\"title\":\"Event not dead\",\"status\":409,\"detail\":\"event 0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b is PENDING; only a DEAD event can be discarded\",\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"processingStatus\":\"PENDING\"}")))
    public JournalView discardDead(@PathParam("id") String executionId, @PathParam("eventId") String eventId) {
        return workflows.discardDead(caller.tenant(), executionId, eventId);
    }

    @GET
    @Path("/early-events")
    @Operation(summary = "Correlated domain events kept because no execution waited on their key yet (oldest first)")
    @APIResponse(responseCode = "200", description = "Early events, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"workflowName\":\"ticket-approval\",\"correlationKey\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"eventName\":\"TICKET_APPROVAL_GRANTED\",\"payload\":{},\"receivedAt\":\"2024-05-01T12:00:00Z\",\"expiresAt\":\"2024-05-02T12:00:00Z\"}]")))
    public List<EarlyEventView> earlyEvents() {
        return triggers.earlyEvents(caller.tenant());
    }

    @GET
    @Path("/executions/{id}/state")
    @Operation(summary = "The state replayed up to a sequence (?sequence=N) or a time (?until=ISO instant), or now;"
            + " trace=true tells which snapshot and events the replay used")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @Parameter(name = "sequence", in = ParameterIn.QUERY, description = "replay up to this sequence", example = "1")
    @Parameter(name = "until", in = ParameterIn.QUERY, description = "or up to this instant", example = "2024-05-01T12:00:00Z")
    @Parameter(name = "trace", in = ParameterIn.QUERY, description = "tell which snapshot and events the replay used", example = "true")
    @APIResponse(responseCode = "200", description = "The replayed state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"state\":{\"currentState\":\"assigned\",\"status\":\"WAITING\",\"data\":{\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\",\"assigneeId\":\"6b0f4a52-2222-4000-8000-000000000003\"},\"sequence\":1},\"trace\":{\"snapshotSequence\":null,\"appliedSequences\":[0,1],\"millis\":2}}")))
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
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "page number, from 0", example = "0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "entries per page", example = "50")
    @APIResponse(responseCode = "200", description = "One page of the journal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"entries\":[{\"eventId\":\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"sequence\":1,\"eventName\":\"TICKET_ASSIGNED\",\"fromState\":\"open\",\"toState\":\"assigned\",\"processingStatus\":\"DONE\",\"attempts\":1,\"createdAt\":\"2024-05-01T12:00:00Z\"}],\"total\":2,\"page\":0,\"size\":50}")))
    public JournalPage journal(@PathParam("id") String executionId,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        return workflows.journal(caller.tenant(), executionId, page, size);
    }

    @GET
    @Path("/executions/{id}/snapshots")
    @Operation(summary = "The execution's stored snapshots, newest (highest sequence) first")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @APIResponse(responseCode = "200", description = "Stored snapshots, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"sequence\":10,\"currentState\":\"assigned\",\"data\":{},\"reducerVersion\":1,\"lastEventAt\":\"2024-05-01T12:00:00Z\"}]")))
    public List<Snapshot> snapshots(@PathParam("id") String executionId) {
        return workflows.snapshots(caller.tenant(), executionId);
    }

    @POST
    @RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
    @Path("/executions/{id}/snapshots")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Snapshot the current state now (only the newest K snapshots are kept)")
    @Parameter(name = "id", in = ParameterIn.PATH, description = "the execution id", example = "9d2e4c1a-7b3f-4e5d-8a6c-1f2e3d4c5b6a")
    @APIResponse(responseCode = "201", description = "The snapshot taken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"sequence\":11,\"currentState\":\"assigned\",\"data\":{},\"reducerVersion\":1,\"lastEventAt\":\"2024-05-01T12:00:00Z\"}")))
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

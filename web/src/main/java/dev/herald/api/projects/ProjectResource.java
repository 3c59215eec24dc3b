package dev.herald.api.projects;

import dev.herald.reference.projects.ProjectService;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import static dev.herald.api.web.Requests.body;
import static dev.herald.api.web.Requests.created;

import dev.herald.reference.projects.ProjectRequests.NewDependency;
import dev.herald.reference.projects.ProjectRequests.NewProject;
import dev.herald.reference.projects.ProjectRequests.NewTask;
import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.projects.ProjectRequests.ProjectUpdate;
import dev.herald.reference.projects.ProjectRequests.TaskUpdate;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
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

/**
 * Projects and tasks, the reference for business code that emits events at the point where state changes: every
 * answer lists the events the operation published, in order. The tenant is a query parameter until authentication
 * exists.
 */
@Path("/projects")
@RolesAllowed({Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    Caller caller;

    @Inject
    ProjectService projects;

    @POST
    @Operation(summary = "Create a project (PROJECT_CREATED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"name\":\"Roll-out\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PROJECT_CREATED\"]}")))
    public Response create(NewProject request) {
        return created(projects.create(caller.tenant(), body(request)));
    }

    @PATCH
    @Path("/{projectId}")
    @Operation(summary = "Change a project's name, description or status (PROJECT_UPDATED, PROJECT_STATUS_CHANGED, PROJECT_CLOSED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"status\":\"active\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PROJECT_UPDATED\",\"PROJECT_STATUS_CHANGED\"]}")))
    public ChangeResult update(@PathParam("projectId") String projectId,
                                ProjectUpdate update) {
        return projects.update(caller.tenant(), projectId, body(update));
    }

    @POST
    @Path("/{projectId}/tasks")
    @Operation(summary = "Add a task (PROJECT_TASK_CREATED, and PROJECT_TASK_ASSIGNED with an assignee)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"title\":\"Install\",\"assignedToId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"7c6b5a49-3827-4165-9a8b-7c6d5e4f3a2b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PROJECT_TASK_CREATED\",\"PROJECT_TASK_ASSIGNED\"]}")))
    public Response createTask(@PathParam("projectId") String projectId, NewTask request) {
        return created(projects.createTask(caller.tenant(), projectId, body(request)));
    }

    @PATCH
    @Path("/{projectId}/tasks/{taskId}")
    @Operation(summary = "Change a task's status, assignee, title or due date (PROJECT_TASK_STATUS_CHANGED, _COMPLETED, _ASSIGNED, _DEPENDENCY_UNBLOCKED)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"status\":\"done\",\"actorUserId\":\"6b0f4a52-2222-4000-8000-000000000003\"}")))
    @APIResponse(responseCode = "200", description = "The events published, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"7c6b5a49-3827-4165-9a8b-7c6d5e4f3a2b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\",\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PROJECT_TASK_STATUS_CHANGED\",\"PROJECT_TASK_COMPLETED\"]}")))
    public ChangeResult updateTask(@PathParam("projectId") String projectId,
                                    @PathParam("taskId") String taskId, TaskUpdate update) {
        return projects.updateTask(caller.tenant(), projectId, taskId, body(update));
    }

    @POST
    @Path("/{projectId}/tasks/{taskId}/dependencies")
    @Operation(summary = "Make a task wait for another (PROJECT_TASK_DEPENDENCY_BLOCKED while the other is not done)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"blockedByTaskId\":\"8d7c6b5a-4938-4271-8a9b-0c1d2e3f4a5b\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the events published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"id\":\"7c6b5a49-3827-4165-9a8b-7c6d5e4f3a2b\",\"eventIds\":[\"0e6f1b7c-6a8d-4f7e-9b61-3c2f4d5e6a7b\"],\"eventTypes\":[\"PROJECT_TASK_DEPENDENCY_BLOCKED\"]}")))
    public Response addDependency(@PathParam("projectId") String projectId,
                                  @PathParam("taskId") String taskId, NewDependency request) {
        return created(projects.addDependency(caller.tenant(), projectId, taskId, body(request)));
    }
}

package dev.herald.api.catalog;

import dev.herald.kernel.WireJson;
import dev.herald.catalog.CatalogPage;
import dev.herald.catalog.CatalogQuery;
import dev.herald.catalog.CatalogService;
import dev.herald.catalog.CatalogView;
import dev.herald.catalog.CategoryCount;
import dev.herald.api.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.schema.ExampleGenerator;
import dev.herald.schema.SchemaRegistry;
import dev.herald.versions.WireVersions;
import dev.herald.api.web.Problems;
import dev.herald.workflow.TriggerReport;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/**
 * The event catalog as the caller's tenant sees it: the system entries and the tenant's own.
 */
@Path("/catalog")
@RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    Caller caller;

    @Inject
    CatalogService catalog;

    @Inject
    SchemaRegistry registry;

    @Inject
    TriggerReport triggers;

    @Inject
    WireVersions wireVersions;

    @GET
    @Operation(summary = "List catalog entries: category filter, text search, sort, paging with total")
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "only entries of this category", example = "Tickets")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "text searched in type, display name and description", example = "assigned")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "eventType, displayName or category", example = "eventType")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "page number, from 0", example = "0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "entries per page, 1 to the maximum", example = "20")
    @APIResponse(responseCode = "200", description = "One page of entries and the total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"items\":[{\"eventType\":\"TICKET_CREATED\",\"displayName\":\"Ticket Created\",\"category\":\"Tickets\",\"description\":\"A ticket was opened\",\"status\":\"active\",\"emittedByHerald\":true,\"scope\":\"system\",\"payloadSchemaRef\":\"payload.TicketCreated.v1\"}],\"total\":1,\"page\":0,\"size\":20}")))
    public CatalogPage list(@QueryParam("category") String category,
                            @QueryParam("q") String text, @QueryParam("sort") String sort,
                            @QueryParam("order") @DefaultValue("asc") String order,
                            @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("20") int size) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new IllegalArgumentException("order must be asc or desc");
        }
        return catalog.list(new CatalogQuery(caller.tenant(), category, text, sort, order.equals("desc"), page, size));
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Categories with the number of entries the tenant sees in each")
    @APIResponse(responseCode = "200", description = "Each category with its number of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "[{\"category\":\"Tickets\",\"count\":42},{\"category\":\"Projects\",\"count\":18}]")))
    public List<CategoryCount> categories() {
        return catalog.categories(caller.tenant());
    }

    @GET
    @Path("/{eventType}")
    @Operation(summary = "One entry, tenant first: its schema ref, status, whether Herald emits it, an example payload")
    @Parameter(name = "eventType", in = ParameterIn.PATH, description = "the event type", example = "TICKET_CREATED")
    @APIResponse(responseCode = "200", description = "The entry, with an example payload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"eventType\":\"TICKET_CREATED\",\"displayName\":\"Ticket Created\",\"category\":\"Tickets\",\"description\":\"A ticket was opened\",\"status\":\"active\",\"emittedByHerald\":true,\"scope\":\"system\",\"payloadSchemaRef\":\"payload.TicketCreated.v1\",\"examplePayload\":{\"tenantId\":\"acme\",\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"},\"schemaVersions\":[\"payload.TicketCreated.v1\",\"payload.TicketCreated.v2\"],\"wireVersions\":[1]}")))
    @APIResponse(responseCode = "404", description = "Not Found",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no event type NOPE in the catalog of tenant acme\",\"instance\":\"/api/catalog/NOPE\"}")))
    public Response get(@PathParam("eventType") String eventType) {
        String tenant = caller.tenant();
        return catalog.get(tenant, eventType)
                .map(view -> Response.ok(detail(view)).build())
                .orElseGet(() -> Problems.notFound("no event type " + eventType + " in the catalog of tenant " + tenant));
    }

    private Object detail(CatalogView view) {
        JsonObjectBuilder json = WireJson.json().createObjectBuilder()
                .add("eventType", view.eventType())
                .add("displayName", view.displayName())
                .add("category", view.category())
                .add("description", view.description() == null ? "" : view.description())
                .add("status", view.status())
                .add("emittedByHerald", view.emittedByHerald())
                .add("scope", view.scope());
        if (view.payloadSchemaRef() != null) {
            json.add("payloadSchemaRef", view.payloadSchemaRef());
            registry.schema(view.payloadSchemaRef()).ifPresent(schema -> {
                json.add("examplePayload", ExampleGenerator.generate(schema));
                JsonArrayBuilder versions = WireJson.json().createArrayBuilder();
                registry.versions(schema.name()).forEach(v -> versions.add("payload." + schema.name() + ".v" + v));
                json.add("schemaVersions", versions);
            });
        }
        if ("system".equals(view.scope())) {
            // Which versions herald.wire.versions puts on the wire for the type (docs/wire-format.md).
            JsonArrayBuilder onWire = WireJson.json().createArrayBuilder();
            wireVersions.of(view.eventType()).forEach(onWire::add);
            json.add("wireVersions", onWire);
        }
        JsonArrayBuilder workflowTriggers = WireJson.json().createArrayBuilder();
        triggers.forType(view.eventType(), caller.tenant()).forEach(t -> workflowTriggers.add(t.toJson()));
        return json.add("workflowTriggers", workflowTriggers).build();
    }
}

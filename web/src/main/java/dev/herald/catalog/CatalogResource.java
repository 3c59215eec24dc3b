package dev.herald.catalog;

import dev.herald.auth.Caller;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import dev.herald.schema.ExampleGenerator;
import dev.herald.schema.SchemaRegistry;
import dev.herald.web.Problems;
import dev.herald.workflow.TriggerReport;
import jakarta.inject.Inject;
import jakarta.json.Json;
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

    @GET
    @Operation(summary = "List catalog entries: category filter, text search, sort, paging with total")
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
    public List<CategoryCount> categories() {
        return catalog.categories(caller.tenant());
    }

    @GET
    @Path("/{eventType}")
    @Operation(summary = "One entry, tenant first: its schema ref, status, whether Herald emits it, an example payload")
    public Response get(@PathParam("eventType") String eventType) {
        String tenant = caller.tenant();
        return catalog.get(tenant, eventType)
                .map(view -> Response.ok(detail(view)).build())
                .orElseGet(() -> Problems.notFound("no event type " + eventType + " in the catalog of tenant " + tenant));
    }

    private Object detail(CatalogView view) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("eventType", view.eventType())
                .add("displayName", view.displayName())
                .add("category", view.category())
                .add("description", view.description() == null ? "" : view.description())
                .add("status", view.status())
                .add("emittedByHerald", view.emittedByHerald())
                .add("scope", view.scope());
        if (view.payloadSchemaRef() != null) {
            json.add("payloadSchemaRef", view.payloadSchemaRef());
            registry.schema(view.payloadSchemaRef()).ifPresent(schema -> json.add("examplePayload", ExampleGenerator.generate(schema)));
        }
        JsonArrayBuilder workflowTriggers = Json.createArrayBuilder();
        triggers.forType(view.eventType(), caller.tenant()).forEach(t -> workflowTriggers.add(t.toJson()));
        return json.add("workflowTriggers", workflowTriggers).build();
    }
}

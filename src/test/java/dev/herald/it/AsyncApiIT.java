package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.contract.AsyncApiSpec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /api/asyncapi on the real server: a valid AsyncAPI 3.0.0 document of the tenant's catalog, and of no other tenant's. */
@ExtendWith(ArquillianExtension.class)
class AsyncApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void theDocumentIsValidAsyncApiAndListsEveryCatalogType() throws Exception {
        HeraldClient.Reply reply = HeraldClient.of(tenant()).get("api/asyncapi");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(java.util.List.of(), AsyncApiSpec.violations(reply.body()));
        JsonObject document = reply.json();
        assertEquals("3.0.0", document.getString("asyncapi"));
        Set<String> expected = ShippedCatalog.entries().stream().map(e -> e.getString("eventType")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(280, expected.size());
        assertEquals(expected, messageNames(document, false));
        JsonObject channels = document.getJsonObject("channels");
        for (String type : expected) {
            assertTrue(channels.containsKey("stream." + type) && channels.containsKey("pubsub." + type), type);
        }
    }

    @Test
    void aTenantsCustomTypeIsInItsDocumentOnlyAndTheDocumentStaysValid() throws Exception {
        String owner = tenant();
        String other = tenant();
        assertEquals(Set.of(), messageNames(HeraldClient.of(owner).get("api/asyncapi").json(), true));
        JsonObject custom = Json.createObjectBuilder().add("eventType", "GADGET_SHIPPED").add("displayName", "Gadget shipped")
                .add("category", "Gadgets").add("description", "A gadget left the warehouse")
                .add("schema", Json.createObjectBuilder().add("type", "object")
                        .add("required", Json.createArrayBuilder().add("tenantId").add("gadgetId"))
                        .add("properties", Json.createObjectBuilder().add("tenantId", Json.createObjectBuilder().add("type", "string"))
                                .add("gadgetId", Json.createObjectBuilder().add("type", "string").add("minLength", 1))))
                .build();
        HeraldClient.Reply created = HeraldClient.of(owner).post("api/catalog/custom", custom);
        assertEquals(201, created.status(), created.body());

        HeraldClient.Reply own = HeraldClient.of(owner).get("api/asyncapi");
        assertEquals(200, own.status(), own.body());
        assertEquals(java.util.List.of(), AsyncApiSpec.violations(own.body()));
        JsonObject document = own.json();
        assertEquals(Set.of("GADGET_SHIPPED"), messageNames(document, true));
        assertTrue(document.getJsonObject("channels").getJsonObject("stream.CUSTOM_EVENT").getJsonObject("messages")
                .containsKey("custom.GADGET_SHIPPED"), "it travels on the CUSTOM_EVENT streams");

        HeraldClient.Reply others = HeraldClient.of(other).get("api/asyncapi");
        assertEquals(200, others.status());
        assertEquals(Set.of(), messageNames(others.json(), true), "another tenant's custom type never appears");
        assertFalse(others.body().contains("GADGET_SHIPPED"));
    }

    @Test
    void aTokenIsRequired() throws Exception {
        HeraldClient.Reply reply = new HeraldClient().get("api/asyncapi");
        assertEquals(401, reply.status());
        assertTrue(reply.body().contains("\"status\":401"), reply.body());
    }

    /** The names of the catalog's messages (the workflow-stream entry left out), system or custom ones. */
    private static Set<String> messageNames(JsonObject document, boolean custom) {
        return document.getJsonObject("components").getJsonObject("messages").entrySet().stream()
                .filter(e -> !e.getKey().equals("workflowStreamEntry") && e.getKey().startsWith("custom.") == custom)
                .map(e -> e.getValue().asJsonObject().getString("name")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String tenant() {
        return UUID.randomUUID().toString();
    }
}

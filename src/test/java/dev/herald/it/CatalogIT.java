package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event catalog on the real server and database: tenancy, search, filter, sort and paging. */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    private final HeraldClient reader = HeraldClient.of(tenant(), "reader");

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void everyShippedTypeIsInTheSystemCatalog() throws Exception {
        JsonObject page = HeraldClient.of(tenant()).get("api/catalog?size=200").json();
        assertEquals(ShippedCatalog.entries().size(), page.getInt("total"));
        assertEquals(280, page.getInt("total"), "one entry per row of event-types.tsv");
    }

    @Test
    void tenantEntriesAreInvisibleToOtherTenants() throws Exception {
        String owner = tenant();
        String other = tenant();
        JsonObject custom = Json.createObjectBuilder().add("eventType", "WIDGET_SHIPPED").add("displayName", "Widget Shipped")
                .add("category", "Widgets").add("description", "A widget left the warehouse")
                .add("schema", Json.createObjectBuilder().add("type", "object")
                        .add("required", Json.createArrayBuilder().add("tenantId"))
                        .add("properties", Json.createObjectBuilder().add("tenantId", Json.createObjectBuilder().add("type", "string"))))
                .build();
        HeraldClient.Reply created = HeraldClient.of(owner).post("api/catalog/custom", custom);
        assertEquals(201, created.status(), created.body());
        assertEquals(409, HeraldClient.of(owner).post("api/catalog/custom", custom).status(), "defined once per tenant");

        assertEquals(200, HeraldClient.of(owner).get("api/catalog/WIDGET_SHIPPED").status());
        assertEquals("tenant", HeraldClient.of(owner).get("api/catalog/WIDGET_SHIPPED").json().getString("scope"));
        assertEquals(404, HeraldClient.of(other).get("api/catalog/WIDGET_SHIPPED").status());
        assertEquals(281, HeraldClient.of(owner).get("api/catalog").json().getInt("total"));
        assertEquals(280, HeraldClient.of(other).get("api/catalog").json().getInt("total"));
        assertEquals(0, HeraldClient.of(other).get("api/catalog?q=widget").json().getInt("total"));
        assertEquals(Long.valueOf(1), categories(owner).get("Widgets"));
        assertFalse(categories(other).containsKey("Widgets"));
    }

    @Test
    void invalidCustomSchemaIsRefusedWithItsReason() throws Exception {
        JsonObject custom = Json.createObjectBuilder().add("eventType", "widget shipped").add("displayName", "")
                .add("category", "Widgets").add("schema", Json.createObjectBuilder().add("type", "string")).build();
        HeraldClient.Reply reply = HeraldClient.of(tenant()).post("api/catalog/custom", custom);
        assertEquals(400, reply.status());
        String error = reply.json().getString("detail");
        assertTrue(error.contains("SCREAMING_SNAKE_CASE") && error.contains("displayName") && error.contains("type"), error);
    }

    @Test
    void searchAndCategoryFilterReturnTheMatchingRows() throws Exception {
        String text = "assigned";
        List<String> expected = ShippedCatalog.entries().stream()
                .filter(e -> e.getString("category").equals("Tickets"))
                .filter(e -> (e.getString("eventType") + " " + e.getString("displayName") + " " + e.getString("description"))
                        .toLowerCase(Locale.ROOT).contains(text))
                .map(e -> e.getString("eventType")).sorted().toList();
        assertFalse(expected.isEmpty());
        JsonObject page = HeraldClient.of(tenant()).get("api/catalog?category=Tickets&q=" + text + "&size=200").json();
        assertEquals(expected.size(), page.getInt("total"));
        assertEquals(expected, eventTypes(page));
    }

    @Test
    void pagesCoverEveryRowOnceInSortOrder() throws Exception {
        String tenant = tenant();
        List<String> seen = new ArrayList<>();
        int total = -1;
        for (int page = 0; total < 0 || page * 7 < total; page++) {
            JsonObject reply = HeraldClient.of(tenant).get("api/catalog?sort=displayName&order=desc&size=7&page=" + page).json();
            total = reply.getInt("total");
            seen.addAll(reply.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("displayName")).toList());
        }
        List<String> expected = ShippedCatalog.entries().stream().map(e -> e.getString("displayName"))
                .sorted(Comparator.reverseOrder()).toList();
        assertEquals(expected.size(), seen.size());
        assertEquals(expected, seen);
    }

    @Test
    void categoriesCountWhatTheListShows() throws Exception {
        Map<String, Long> expected = ShippedCatalog.entries().stream()
                .collect(Collectors.groupingBy(e -> e.getString("category"), Collectors.counting()));
        assertEquals(expected, categories(tenant()));
    }

    @Test
    void malformedOrUnauthenticatedListingIsRefused() throws Exception {
        assertEquals(400, HeraldClient.of("x").get("api/catalog?sort=description").status());
        assertEquals(400, HeraldClient.of("x").get("api/catalog?size=0").status());
        assertEquals(401, new HeraldClient().get("api/catalog").status(), "no catalog without a token");
    }

    @Test
    void entryCarriesSchemaRefAndAValidExample() throws Exception {
        JsonObject entry = HeraldClient.of(tenant()).get("api/catalog/TICKET_CREATED").json();
        assertEquals("payload.TicketCreated.v1", entry.getString("payloadSchemaRef"));
        assertTrue(entry.getBoolean("emittedByHerald"));
        assertTrue(entry.getJsonObject("examplePayload").containsKey("ticketId"));
        assertEquals(200, reader.get("api/schemas/payload.TicketCreated.v1/form").status());
        assertEquals("payload.TicketCreated.v2", reader.get("api/schemas/TicketCreated/versions").json().getString("latest"),
                "the catalog names v1, the consumers' version; v2 is the latest schema");
        assertEquals(Json.createArrayBuilder().add("payload.TicketCreated.v1").add("payload.TicketCreated.v2").build(),
                entry.getJsonArray("schemaVersions"));
        assertEquals(Json.createArrayBuilder().add(1).add(2).build(), entry.getJsonArray("wireVersions"),
                "the IT server puts TICKET_CREATED=both on the wire (liberty/overrides/versions-it.xml)");
    }

    private Map<String, Long> categories(String tenant) throws Exception {
        return HeraldClient.of(tenant).get("api/catalog/categories").jsonArray().stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("category"), c -> c.getJsonNumber("count").longValue()));
    }

    private static List<String> eventTypes(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("eventType")).toList();
    }

    private static String tenant() {
        return UUID.randomUUID().toString();
    }
}

package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.auth.TokenSigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Authentication and tenant isolation on the real server: the tenant of a request is its token's, a token that is
 * missing, expired, forged, from another issuer or for another audience is a 401, a group that does not allow the
 * call is a 403, and tenant A never reaches tenant B's data.
 */
class AuthIT extends RedisPipelineTestBase {

    private final String other = UUID.randomUUID().toString();
    private final HeraldClient otherTenant = HeraldClient.of(other);

    @Test
    void noTokenNoTenantData() throws Exception {
        HeraldClient anonymous = new HeraldClient();
        for (String path : List.of("api/catalog", "api/catalog/categories", "api/catalog/TICKET_CREATED", "api/schemas/TicketCreated",
                "api/workflows/definitions", "api/tickets/count", "api/relay/failed", "api/subscribe")) {
            HeraldClient.Reply reply = anonymous.get(path);
            assertEquals(401, reply.status(), path + ": " + reply.body());
        }
        assertEquals(401, anonymous.post("api/events", Events.ticketCreated(tenant).build()).status());
        assertEquals(200, anonymous.get("health/ready").status(), "health stays open");
    }

    @Test
    void expiredForgedForeignAndOtherAudienceTokensAre401() throws Exception {
        long now = Instant.now().getEpochSecond();
        JsonObject expired = claims(tenant).add("iat", now - 7200).add("exp", now - 3600).build();
        JsonObject foreignIssuer = claims(tenant).add("iss", "https://evil.example").build();
        JsonObject otherAudience = claims(tenant).add("aud", "billing-service").build();
        JsonObject noAudience = claims(tenant).remove("aud").build();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = new TokenSigner(generator.generateKeyPair().getPrivate(), Tokens.ISSUER, Tokens.AUDIENCE).sign(claims(tenant).build());
        String valid = Tokens.tenantAdmin(tenant);
        String tampered = valid.substring(0, valid.indexOf('.') + 1)
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims(other).build().toString().getBytes())
                + valid.substring(valid.lastIndexOf('.'));

        for (String token : List.of(Tokens.signer().sign(expired), Tokens.signer().sign(foreignIssuer),
                Tokens.signer().sign(otherAudience), Tokens.signer().sign(noAudience), forged, tampered, "not-a-jwt")) {
            HeraldClient.Reply reply = new HeraldClient(token).get("api/catalog");
            assertEquals(401, reply.status(), token + " -> " + reply.body());
        }
        assertEquals(200, new HeraldClient(valid).get("api/catalog").status(), "the same claims, honestly signed");
    }

    @Test
    void groupsDecideWhatACallerMayDo() throws Exception {
        HeraldClient reader = HeraldClient.of(tenant, "reader");
        assertEquals(200, reader.get("api/catalog").status());
        assertEquals(403, reader.post("api/events", Events.ticketCreated(tenant).build()).status(), "a reader publishes nothing");
        assertEquals(403, HeraldClient.of(tenant, "simulator").post("api/catalog/custom", customEvent("READER_CANNOT")).status(),
                "custom events are for admins");
        assertEquals(403, herald.get("api/relay/failed").status(), "a tenant admin is no platform operator");
        assertEquals(403, herald.get("api/subscribe").status());
        assertEquals(200, operator.get("api/relay/failed").status());
        assertEquals(403, new HeraldClient(Tokens.signer().sign(claims("*").build())).get("api/catalog").status(),
                "the catalog's system tenant is nobody's");
    }

    /** A tenant is a string: a number or a boolean in the claim names no tenant, even if its text would pass as a slug. */
    @Test
    void aTenantClaimThatIsANumberOrABooleanIsA403() throws Exception {
        for (jakarta.json.JsonValue claim : List.of(Json.createValue(12345), jakarta.json.JsonValue.TRUE,
                Json.createArrayBuilder().add(tenant).build())) {
            String token = Tokens.signer().sign(claims(tenant).add("tenant", claim).build());
            HeraldClient.Reply reply = new HeraldClient(token).get("api/catalog");
            assertEquals(403, reply.status(), claim + " -> " + reply.body());
        }
    }

    @Test
    void aPayloadNamingAnotherTenantIsRefusedAndNothingIsPublished() throws Exception {
        HeraldClient.Reply refused = herald.post("api/events", Events.ticketCreated(other).build());
        assertEquals(403, refused.status(), refused.body());
        JsonObject withoutTenant = Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("ticketId", UUID.randomUUID().toString())).build();
        HeraldClient.Reply filled = herald.post("api/events", withoutTenant);
        assertEquals(202, filled.status(), "the caller's tenant is filled in: " + filled.body());
        String eventId = filled.json().getString("eventId");
        assertEquals(tenant, Events.tenant(awaitEntry(Events.TICKET_CREATED_STREAM, eventId)));
        assertEquals(List.of(), Events.idsOfTenant(redis.entries(Events.TICKET_CREATED_STREAM), other), "nothing for the other tenant");
    }

    @Test
    void tenantAReachesNoneOfTenantBsCustomEvents() throws Exception {
        assertEquals(201, otherTenant.post("api/catalog/custom", customEvent("B_ONLY")).status());
        assertEquals(404, herald.get("api/catalog/B_ONLY").status());
        assertEquals(0, herald.get("api/catalog?q=B_ONLY").json().getInt("total"));
        assertEquals(404, herald.put("api/catalog/custom/B_ONLY", customEvent("B_ONLY")).status());
        assertEquals(404, herald.delete("api/catalog/custom/B_ONLY").status());
        assertEquals(200, otherTenant.get("api/catalog/B_ONLY").status(), "still there for its tenant");

        HeraldClient.Reply updated = otherTenant.put("api/catalog/custom/B_ONLY",
                Json.createObjectBuilder(customEvent("B_ONLY")).add("displayName", "Renamed").build());
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Renamed", otherTenant.get("api/catalog/B_ONLY").json().getString("displayName"));
    }

    @Test
    void tenantAReachesNoneOfTenantBsExecutionsOrTickets() throws Exception {
        String execution = new WorkflowApi(other).start("ticket-" + UUID.randomUUID());
        String path = "api/workflows/executions/" + execution;
        for (String read : List.of(path, path + "/journal", path + "/state", path + "/snapshots")) {
            assertEquals(404, herald.get(read).status(), read);
        }
        assertEquals(404, herald.post(path + "/snapshots", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(404, herald.post(path + "/events", Json.createObjectBuilder().add("expectedSequence", 0)
                .add("eventId", UUID.randomUUID().toString()).add("eventName", "TICKET_ASSIGNED")
                .add("payload", Json.createObjectBuilder().add("assignedToUserId", "mallory")).build()).status());
        assertFalse(herald.get("api/workflows/executions?correlationKey=x").body().contains(execution));
        assertFalse(herald.get("api/workflows/executions?size=500").body().contains(execution), "nor in A's listing");
        assertEquals(200, otherTenant.get(path).status(), "B still sees its execution");
        assertEquals(0, otherTenant.get(path).json().getJsonObject("state").getInt("sequence"), "A changed nothing");

        HeraldClient.Reply ticket = otherTenant.post("api/tickets", Json.createObjectBuilder()
                .add("ticketNumber", "B-1").add("title", "B's ticket").build());
        assertEquals(201, ticket.status(), ticket.body());
        String ticketPath = "api/tickets/" + ticket.json().getString("ticketId");
        assertEquals(404, herald.patch(ticketPath, Json.createObjectBuilder().add("title", "A was here").build()).status());
        assertEquals(0, herald.get("api/tickets/count").json().getInt("count"));
        assertEquals(1, otherTenant.get("api/tickets/count").json().getInt("count"));
    }

    private static jakarta.json.JsonObjectBuilder claims(String tenant) {
        return Tokens.signer().claims(Tokens.request(tenant, dev.herald.auth.TokenRequest.ALL_GROUPS));
    }

    private static JsonObject customEvent(String type) {
        return Json.createObjectBuilder().add("eventType", type).add("displayName", type).add("category", "Widgets")
                .add("schema", Json.createObjectBuilder().add("type", "object")
                        .add("required", Json.createArrayBuilder().add("tenantId"))
                        .add("properties", Json.createObjectBuilder().add("tenantId", Json.createObjectBuilder().add("type", "string"))))
                .build();
    }
}

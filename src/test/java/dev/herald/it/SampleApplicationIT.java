package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sample application of docs/using-herald.md, deployed beside Herald as a team's own modules would be: its EJB
 * publishes a typed NOTE_CREATED through the API's Publisher, and its CDI observer receives the typed record from
 * Herald's Redis stream.
 */
class SampleApplicationIT extends RedisPipelineTestBase {

    static final String NOTES = "notes-sample/notes";
    static final String NOTE_CREATED_STREAM = "alga-psa:event-stream:global:NOTE_CREATED";

    private JsonObject note(String entityType, String entityId) {
        return Json.createObjectBuilder().add("entityType", entityType).add("entityId", entityId)
                .add("visibility", "internal").add("body", "Called about the renewal").build();
    }

    private JsonObject seen(String noteId) {
        try {
            HeraldClient.Reply reply = herald.get(NOTES + "/" + noteId + "/seen");
            assertTrue(reply.status() == 200 || reply.status() == 404, reply.body());
            return reply.status() == 200 ? reply.json() : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSamplesObserverReceivesTheTypedEventItsEmitterPublished() throws Exception {
        String client = UUID.randomUUID().toString();
        HeraldClient.Reply written = herald.post(NOTES, note("client", client));
        assertEquals(201, written.status(), written.body());
        String noteId = written.json().getString("noteId");
        String eventId = written.json().getJsonObject("event").getString("id");
        assertEquals(tenant, written.json().getJsonObject("event").getString("tenantId"), "the tenant filled the payload");

        JsonObject seen = Eventually.await("the observer received note " + noteId, PIPELINE, () -> seen(noteId));
        assertEquals(client, seen.getString("entityId"));
        assertEquals("client", seen.getString("entityType"));
        assertEquals(tenant, seen.getString("tenantId"));
        assertEquals(List.of(eventId), Events.idsOfTenant(redis.entries(NOTE_CREATED_STREAM), tenant),
                "the observer read the one entry the emitter's publish wrote");
    }

    @Test
    void aTypedPublishThatBreaksTheSchemaIsRefusedWithItsIssuesAndPublishesNothing() throws Exception {
        HeraldClient.Reply refused = herald.post(NOTES, note("supplier", UUID.randomUUID().toString()));
        assertEquals(400, refused.status(), refused.body());
        assertEquals("NOTE_CREATED", refused.json().getString("eventType"));
        List<String> pointers = refused.json().getJsonArray("issues").stream()
                .map(issue -> issue.asJsonObject().getString("pointer")).toList();
        assertEquals(List.of("/payload/entityType"), pointers, refused.body());

        // A valid note after the refused one: once its entry is on the stream, the refused one would be there too.
        HeraldClient.Reply barrier = herald.post(NOTES, note("contact", UUID.randomUUID().toString()));
        assertEquals(201, barrier.status(), barrier.body());
        String barrierId = barrier.json().getJsonObject("event").getString("id");
        awaitEntry(NOTE_CREATED_STREAM, barrierId);
        assertEquals(List.of(barrierId), Events.idsOfTenant(redis.entries(NOTE_CREATED_STREAM), tenant),
                "nothing of the refused note reached Redis");
    }

    @Test
    void theSampleNeedsAToken() throws Exception {
        HeraldClient.Reply anonymous = new HeraldClient().post(NOTES, note("client", UUID.randomUUID().toString()));
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(anonymous.body() == null || !anonymous.body().contains("noteId"));
    }
}

package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.events.EventIssue;
import dev.herald.schema.SchemaRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntryDecoderTest {

    static final String STREAM = "alga-psa:event-stream:global:TICKET_CREATED";
    static final String ID = "6f1c1c9e-8a43-4d7e-9a55-0c8f2f1e7b10";
    static final String TICKET = "0b0e3a8c-3c5e-4a55-b1c6-2f3e4d5c6b7a";

    private static EntryDecoder decoder;

    @BeforeAll
    static void load() {
        decoder = new EntryDecoder(SchemaRegistry.loadFromClasspath());
    }

    static String envelope(String id, String ticketId) {
        return "{\"eventType\":\"TICKET_CREATED\",\"payload\":{\"tenantId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"ticketId\":\"" + ticketId
                + "\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"},\"id\":\"" + id + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}";
    }

    @Test
    void anEntryOfTheWireFormatBecomesAReceivedEventWithItsTenantAndChannel() {
        EntryDecoder.Decoded decoded = decoder.decode(STREAM, "1-0", "global",
                Map.of("event", envelope(ID, TICKET), "channel", "internal"));
        ReceivedEvent event = assertInstanceOf(EntryDecoder.Valid.class, decoded).event();
        assertEquals(ID, event.id());
        assertEquals("TICKET_CREATED", event.eventType());
        assertEquals(Instant.parse("2026-11-23T07:41:51.792Z"), event.timestamp());
        assertEquals("internal", event.channel(), "the entry's channel field wins");
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", event.tenantId());
        assertEquals(TICKET, event.payload().getString("ticketId"));
        assertEquals(STREAM, event.stream());
        assertEquals("1-0", event.entryId());
    }

    @Test
    void aSimulatedEnvelopeIsDeliveredLikeAnyOther() {
        String simulated = envelope(ID, TICKET).replaceFirst("}$", ",\"simulated\":true}");
        ReceivedEvent event = assertInstanceOf(EntryDecoder.Valid.class,
                decoder.decode(STREAM, "1-0", "global", Map.of("event", simulated, "channel", "global"))).event();
        assertEquals(ID, event.id());
    }

    @Test
    void anEntryWithoutChannelFieldTakesTheStreamsChannel() {
        ReceivedEvent event = ((EntryDecoder.Valid) decoder.decode(STREAM, "1-0", "global", Map.of("event", envelope(ID, TICKET)))).event();
        assertEquals("global", event.channel());
    }

    @Test
    void aNonJsonEntryIsPoisonSayingSo() {
        EntryDecoder.Poison poison = assertInstanceOf(EntryDecoder.Poison.class,
                decoder.decode(STREAM, "1-0", "global", Map.of("event", "{not json", "channel", "global")));
        assertEquals("", poison.issues().get(0).pointer());
        assertTrue(poison.reason().contains("not JSON"), poison.reason());
    }

    @Test
    void anEntryWithoutEventFieldIsPoison() {
        EntryDecoder.Poison poison = assertInstanceOf(EntryDecoder.Poison.class,
                decoder.decode(STREAM, "1-0", "global", Map.of("payload", "{}")));
        assertTrue(poison.reason().contains("no 'event' field"), poison.reason());
    }

    @Test
    void aSchemaInvalidPayloadIsPoisonWithEveryIssuePointingIntoTheEnvelope() {
        EntryDecoder.Poison poison = assertInstanceOf(EntryDecoder.Poison.class,
                decoder.decode(STREAM, "1-0", "global", Map.of("event", envelope(ID, "not-a-uuid"))));
        assertEquals(List.of("/payload/ticketId"), poison.issues().stream().map(EventIssue::pointer).toList(), poison.reason());
    }

    @Test
    void anEnvelopeWithoutIdIsPoison() {
        String noId = "{\"eventType\":\"TICKET_CREATED\",\"payload\":{\"tenantId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"},\"timestamp\":\"2026-11-23T07:41:51.792Z\"}";
        EntryDecoder.Poison poison = assertInstanceOf(EntryDecoder.Poison.class,
                decoder.decode(STREAM, "1-0", "global", Map.of("event", noId)));
        assertTrue(poison.reason().contains("id"), poison.reason());
    }

    @Test
    void anUnknownEventTypeIsPoison() {
        String unknown = envelope(ID, TICKET).replace("TICKET_CREATED", "TICKET_TELEPORTED");
        EntryDecoder.Poison poison = assertInstanceOf(EntryDecoder.Poison.class,
                decoder.decode(STREAM, "1-0", "global", Map.of("event", unknown)));
        assertEquals("/eventType", poison.issues().get(0).pointer());
    }
}

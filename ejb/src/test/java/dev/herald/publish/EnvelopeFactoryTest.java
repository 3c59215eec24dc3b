package dev.herald.publish;

import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeFactoryTest {

    private static final UUID ID = UUID.fromString("3f1c2a9e-0000-4000-8000-000000000001");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:41:51.792345Z"), ZoneOffset.UTC);
    private final EnvelopeFactory factory = new EnvelopeFactory(CLOCK, () -> ID, validator((type, payload) -> List.of()));

    @Test
    void inServerPublishersAreHeldToTheChannelPolicyWithEveryIssueAtOnce() {
        DomainEvent event = DomainEvent.of("TICKET_CREATED", payload("t1")).onChannels(java.util.Arrays.asList("global", "../x", null));
        InvalidEventException refused = assertThrows(InvalidEventException.class, () -> factory.create(event));
        assertEquals(List.of("/channels/1", "/channels/2"), refused.issues().stream().map(EventIssue::pointer).toList());
        EnvelopeFactory onlyBilling = new EnvelopeFactory(CLOCK, () -> ID, validator((type, payload) -> List.of()),
                ChannelPolicy.configured("billing", 10));
        assertThrows(InvalidEventException.class,
                () -> onlyBilling.create(DomainEvent.of("TICKET_CREATED", payload("t1")).onChannels(List.of("global", "other"))));
        assertEquals(ID.toString(), onlyBilling.create(DomainEvent.of("TICKET_CREATED", payload("t1"))
                .onChannels(List.of("global", "billing", "billing"))).id());
    }

    @Test
    void keysLongerThanTheColumnsTheyAreRecordedInAreRefused() {
        DomainEvent event = DomainEvent.of("TICKET_CREATED", payload("t1")).withIdempotencyKey("k".repeat(201));
        DomainEvent both = new DomainEvent("TICKET_CREATED", payload("t1"), Optional.of("a".repeat(201)), List.of(),
                event.idempotencyKey());
        InvalidEventException refused = assertThrows(InvalidEventException.class, () -> factory.create(both));
        assertEquals(List.of("/idempotencyKey", "/aggregateKey"), refused.issues().stream().map(EventIssue::pointer).toList());
        assertEquals(ID.toString(), factory.create(DomainEvent.of("TICKET_CREATED", payload("t1")).withIdempotencyKey("k".repeat(200))).id());
    }

    @Test
    void repeatedChannelsAreSentOnce() {
        DomainEvent event = DomainEvent.of("TICKET_CREATED", payload("t1")).onChannels(List.of("global", "a", "global"));
        assertEquals(List.of("global", "a"), event.distinctChannels());
        assertEquals(List.of("global", "a", "global"), event.channels(), "as given, so refusals point at the caller's index");
    }

    @Test
    void stampsIdAndMillisecondTimestamp() {
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload("t1")));
        assertEquals(ID.toString(), envelope.id());
        assertEquals(Instant.parse("2026-11-23T07:41:51.792Z"), envelope.timestamp());
    }

    @Test
    void addsOccurredAtWhenAbsent() {
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload("t1")));
        assertEquals("2026-11-23T07:41:51.792Z", envelope.payload().getString("occurredAt"));
    }

    @Test
    void keepsOccurredAtGivenByTheCaller() {
        JsonObject payload = Json.createObjectBuilder(payload("t1")).add("occurredAt", "2026-01-01T00:00:00.000Z").build();
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload));
        assertEquals("2026-01-01T00:00:00.000Z", envelope.payload().getString("occurredAt"));
    }

    @Test
    void anOccurredAtGivenWithAnOffsetIsValidatedAndSentInUtcWithZ() {
        List<JsonObject> validated = new java.util.ArrayList<>();
        EnvelopeFactory recording = new EnvelopeFactory(CLOCK, () -> ID, validator((type, payload) -> {
            validated.add(payload);
            return List.of();
        }));
        JsonObject payload = Json.createObjectBuilder(payload("t1")).add("occurredAt", "2026-01-01T01:00:00+01:00").build();
        EventEnvelope envelope = recording.create(DomainEvent.of("TICKET_CREATED", payload));
        assertEquals("2026-01-01T00:00:00.000Z", envelope.payload().getString("occurredAt"));
        assertEquals("2026-01-01T00:00:00.000Z", validated.get(0).getString("occurredAt"), "the schema sees the wire form");
    }

    @Test
    void refusesMissingTenantAndBadTypeWithEveryIssue() {
        InvalidEventException error = assertThrows(InvalidEventException.class,
                () -> factory.create(DomainEvent.of("ticketCreated", Json.createObjectBuilder().add("ticketId", "x").build())));
        assertEquals(2, error.issues().size(), error.getMessage());
        assertTrue(error.issues().contains(new EventIssue("/payload/tenantId", "is required and must be a non-empty string")));
        assertEquals("/eventType", error.issues().get(0).pointer());
    }

    @Test
    void refusesBlankTenant() {
        assertThrows(InvalidEventException.class, () -> factory.create(DomainEvent.of("TICKET_CREATED", payload(" "))));
    }

    @Test
    void payloadIssuesComeBackUnderThePayloadPointerAndNothingIsBuilt() {
        EnvelopeFactory strict = new EnvelopeFactory(CLOCK, () -> ID, validator((type, payload) -> List.of(
                new EventIssue("/ticketId", "is required"), new EventIssue("/actorType", "must be one of USER, CONTACT, SYSTEM"))));
        InvalidEventException error = assertThrows(InvalidEventException.class,
                () -> strict.create(DomainEvent.of("TICKET_CREATED", payload("t1"))));
        assertEquals(List.of(new EventIssue("/payload/ticketId", "is required"),
                new EventIssue("/payload/actorType", "must be one of USER, CONTACT, SYSTEM")), error.issues());
    }

    @Test
    void validatorSeesTheEnrichedPayload() {
        List<JsonObject> seen = new java.util.ArrayList<>();
        new EnvelopeFactory(CLOCK, () -> ID, validator((type, payload) -> {
            seen.add(payload);
            return List.of();
        })).create(DomainEvent.of("TICKET_CREATED", payload("t1")));
        assertEquals("2026-11-23T07:41:51.792Z", seen.get(0).getString("occurredAt"));
    }

    @Test
    void unknownTypeIssueKeepsItsEventTypePointer() {
        EnvelopeFactory catalogOnly = new EnvelopeFactory(CLOCK, () -> ID,
                validator((type, payload) -> List.of(new EventIssue("/eventType", "unknown event type"))));
        InvalidEventException error = assertThrows(InvalidEventException.class,
                () -> catalogOnly.create(DomainEvent.of("NO_SUCH_EVENT", payload("t1"))));
        assertEquals("/eventType", error.issues().get(0).pointer());
    }

    @Test
    void callerBecomesTheActorWhenTheSchemaDeclaresOne() {
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload("t1")), Optional.of(ACTOR));
        assertEquals(ACTOR, envelope.payload().getString("actorUserId"));
    }

    @Test
    void actorGivenByTheCallerIsKept() {
        JsonObject payload = Json.createObjectBuilder(payload("t1")).add("actorUserId", "0b7e0e8e-0000-4000-8000-00000000000a").build();
        EventEnvelope envelope = factory.create(DomainEvent.of("TICKET_CREATED", payload), Optional.of(ACTOR));
        assertEquals("0b7e0e8e-0000-4000-8000-00000000000a", envelope.payload().getString("actorUserId"));
    }

    @Test
    void actorIsNotAddedWhereTheSchemaHasNoSuchField() {
        EventEnvelope envelope = factory.create(DomainEvent.of("LEGACY_THING", payload("t1")), Optional.of(ACTOR));
        assertTrue(!envelope.payload().containsKey("actorUserId"));
    }

    @Test
    void aSimulatedEventGivesASimulatedEnvelopeAndOthersDoNot() {
        DomainEvent event = DomainEvent.of("TICKET_CREATED", payload("t1"));
        assertTrue(factory.create(event.asSimulated()).simulated());
        assertTrue(!factory.create(event).simulated());
        assertTrue(event.asSimulated().forAggregate("t1", "ticket:1").onChannels(List.of("global")).withIdempotencyKey("k").simulated(),
                "the mark survives the other withers");
    }

    private static final String ACTOR = "6b0f4a52-2222-4000-8000-000000000003";

    @Test
    void occurredAtIsNotAddedToALegacyShapeThatForbidsIt() {
        EventEnvelope envelope = factory.create(DomainEvent.of("LEGACY_THING", payload("t1")));
        assertTrue(!envelope.payload().containsKey("occurredAt"), "PROJECT_CLOSED-like shapes have additionalProperties: false");
    }

    /** A validator from a function; it declares actorUserId and occurredAt for every type except LEGACY_THING. */
    static PayloadValidator validator(BiFunction<String, JsonObject, List<EventIssue>> issues) {
        return new PayloadValidator() {
            @Override
            public List<EventIssue> validate(String eventType, JsonObject payload) {
                return issues.apply(eventType, payload);
            }

            @Override
            public boolean declares(String eventType, String field) {
                return !eventType.equals("LEGACY_THING") && (field.equals("actorUserId") || field.equals("occurredAt"));
            }
        };
    }

    static JsonObject payload(String tenant) {
        return Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", "4a4e1c3e-1111-4000-8000-000000000002").build();
    }
}

package dev.herald.simulate;

import dev.herald.kernel.WireTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeFactory;
import dev.herald.publish.EventEnvelope;
import dev.herald.events.InvalidEventException;
import dev.herald.kernel.WireJson;
import dev.herald.schema.RegistryPayloadValidator;
import dev.herald.schema.SchemaRegistry;
import dev.herald.workflow.TriggerReport;
import dev.herald.workflow.WorkflowDefinitions;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final String TENANT = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String TICKET = "3f1c2a9e-0000-4000-8000-000000000440";
    private static final UUID SIMULATION = UUID.fromString("5e1a0000-0000-4000-8000-000000000001");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T07:41:51.792345Z"), ZoneOffset.UTC);

    private static EnvelopeFactory envelopes;

    private final FakePublisher publisher = new FakePublisher();
    private final FakeJournal journal = new FakeJournal();
    private final Simulator simulator = new Simulator(publisher, journal,
            new TriggerReport(WorkflowDefinitions.loadFromClasspath()), CLOCK, () -> SIMULATION);

    @BeforeAll
    static void registry() {
        envelopes = EnvelopeFactory.system(new RegistryPayloadValidator(SchemaRegistry.loadFromClasspath()));
    }

    @Test
    void publishedSimulationGoesThroughThePublisherMarkedAsSimulated() {
        SimulationResult result = simulator.simulate(TENANT, USER, ticketCreated(), false);
        assertEquals(1, publisher.sent.size());
        assertTrue(publisher.sent.get(0).simulated(), "the envelope on the wire carries the mark");
        assertEquals(Optional.of(publisher.sent.get(0).id()), result.eventId());
        assertTrue(result.published());
        assertEquals(publisher.sent.get(0).payload(), result.payload());
    }

    @Test
    void enrichmentIsThePublishersAlone() {
        SimulationResult result = simulator.simulate(TENANT, USER, ticketCreated(), false);
        assertEquals(ticketCreated().payload(), publisher.received.get(0).payload(), "the simulator hands the payload on as given");
        assertEquals(WireTime.text(publisher.sent.get(0).timestamp()), result.payload().getString("occurredAt"),
                "occurredAt as the publisher stamped it");
        assertEquals(USER, result.payload().getString("actorUserId"), "the actor as the publisher adds it");
        assertEquals(TENANT, result.payload().getString("tenantId"));
    }

    @Test
    void publishedSimulationIsRecordedInThePublishingTransactionWithItsEventId() {
        SimulationResult result = simulator.simulate(TENANT, USER, ticketCreated(), false);
        assertEquals(List.of(), journal.refusals);
        SimulationView recorded = only(journal.recorded);
        assertEquals(new SimulationView(SIMULATION.toString(), "TICKET_CREATED", result.eventId().orElseThrow(), USER,
                Instant.parse("2026-11-23T07:41:51.792Z"), false, SimulationOutcome.PUBLISHED, 0), recorded);
    }

    @Test
    void dryRunSendsNothingAndIsRecordedAsADryRun() {
        SimulationResult result = simulator.simulate(TENANT, USER, ticketCreated(), true);
        assertEquals(List.of(), publisher.sent);
        assertTrue(publisher.received.get(0).simulated());
        assertEquals(Optional.empty(), result.eventId());
        assertFalse(result.published());
        assertEquals(USER, result.payload().getString("actorUserId"), "a dry run is enriched like a published event");
        SimulationView recorded = only(journal.recorded);
        assertEquals(SimulationOutcome.DRY_RUN, recorded.outcome());
        assertTrue(recorded.dryRun());
        assertNull(recorded.eventId());
        assertFalse(result.toJson().containsKey("eventId"));
    }

    @Test
    void matchedTriggersAreReportedForTheEnrichedEvent() {
        SimulationResult result = simulator.simulate(TENANT, USER, ticketCreated(), true);
        assertEquals(List.of("{\"workflow\":\"ticket-lifecycle\",\"version\":1,\"action\":\"start\",\"correlationField\":\"ticketId\","
                + "\"correlationKey\":\"" + TICKET + "\"}"), result.toJson().getJsonArray("matchedTriggers").stream()
                .map(Object::toString).toList());
    }

    @Test
    void invalidSimulationIsRecordedInItsOwnTransactionWithItsIssueCountAndRefused() {
        DomainEvent invalid = DomainEvent.of("TICKET_CREATED",
                json("{\"tenantId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"ticketId\":\"not-a-uuid\",\"actorType\":\"ROBOT\"}"));
        InvalidEventException refused = assertThrows(InvalidEventException.class, () -> simulator.simulate(TENANT, USER, invalid, false));
        assertEquals(2, refused.issues().size());
        assertEquals(List.of(), publisher.sent);
        assertEquals(List.of(), journal.recorded, "not in the transaction the refusal leaves behind");
        SimulationView recorded = only(journal.refusals);
        assertEquals(new SimulationView(SIMULATION.toString(), "TICKET_CREATED", null, USER,
                Instant.parse("2026-11-23T07:41:51.792Z"), false, SimulationOutcome.INVALID, 2), recorded);
    }

    @Test
    void invalidDryRunAndUnknownTypeAreRecordedAsInvalid() {
        assertThrows(InvalidEventException.class, () -> simulator.simulate(TENANT, USER,
                DomainEvent.of("TICKET_TELEPORTED", json("{\"tenantId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}")), true));
        SimulationView recorded = only(journal.refusals);
        assertEquals(SimulationOutcome.INVALID, recorded.outcome());
        assertEquals("TICKET_TELEPORTED", recorded.eventType());
        assertTrue(recorded.dryRun());
        assertEquals(1, recorded.issueCount());
    }

    @Test
    void aRecordKeepsTheStartOfAnAbsurdlyLongEventType() {
        String type = "X".repeat(500);
        assertThrows(InvalidEventException.class, () -> simulator.simulate(TENANT, USER, DomainEvent.of(type, json("{\"tenantId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}")), false));
        assertEquals(Simulation.EVENT_TYPE_LENGTH, only(journal.refusals).eventType().length());
    }

    @Test
    void listLimitIsOneToTwoHundred() {
        assertEquals(200, new RecentSimulations(TENANT, 200).limit());
        assertThrows(IllegalArgumentException.class, () -> new RecentSimulations(TENANT, 0));
        assertThrows(IllegalArgumentException.class, () -> new RecentSimulations(TENANT, 201));
    }

    @Test
    void listItemsCarryEveryMemberWithNullsSpelledOut() {
        SimulationView view = new SimulationView("s", "TICKET_CREATED", null, null, Instant.parse("2026-11-23T07:41:51.792Z"), true,
                SimulationOutcome.DRY_RUN, 0);
        assertEquals("{\"simulationId\":\"s\",\"eventType\":\"TICKET_CREATED\",\"eventId\":null,\"user\":null,"
                + "\"at\":\"2026-11-23T07:41:51.792Z\",\"dryRun\":true,\"outcome\":\"DRY_RUN\",\"issueCount\":0}", view.toJson().toString());
    }

    private static DomainEvent ticketCreated() {
        return DomainEvent.of("TICKET_CREATED", json("{\"tenantId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"ticketId\":\"" + TICKET + "\"}"));
    }

    private static JsonObject json(String text) {
        return WireJson.parseObject(text);
    }

    private static SimulationView only(List<Simulation> simulations) {
        assertEquals(1, simulations.size(), simulations.toString());
        return simulations.get(0).view();
    }

    /** The real envelope factory on the shipped schemas, with the caller as the publisher sees it; sending is a list. */
    private static final class FakePublisher implements Simulator.Pipeline {
        final List<DomainEvent> received = new ArrayList<>();
        final List<EventEnvelope> sent = new ArrayList<>();

        @Override
        public EventEnvelope publish(DomainEvent event) {
            EventEnvelope envelope = preview(event);
            sent.add(envelope);
            return envelope;
        }

        @Override
        public EventEnvelope preview(DomainEvent event) {
            received.add(event);
            return envelopes.create(event, Optional.of(USER));
        }
    }

    private static final class FakeJournal implements Simulator.Journal {
        final List<Simulation> recorded = new ArrayList<>();
        final List<Simulation> refusals = new ArrayList<>();

        @Override
        public void record(Simulation simulation) {
            recorded.add(simulation);
        }

        @Override
        public void recordRefusal(Simulation simulation) {
            refusals.add(simulation);
        }
    }
}

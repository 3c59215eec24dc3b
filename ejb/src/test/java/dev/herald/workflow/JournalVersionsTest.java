package dev.herald.workflow;

import static dev.herald.workflow.Fixtures.T0;
import static dev.herald.workflow.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.versions.EventVersions;
import dev.herald.versions.MissingConverterException;
import dev.herald.versions.TicketCreatedDowncaster;
import dev.herald.versions.TicketCreatedUpcaster;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A journal that mixes TICKET_CREATED v1 and v2 entries folds to the state its definition's version describes. */
class JournalVersionsTest {

    private static final EventVersions SHIPPED = new EventVersions(List.of(new TicketCreatedUpcaster()),
            List.of(new TicketCreatedDowncaster()));
    private static final String ANN = "3f1c2a9e-0000-4000-8000-0000000000a1";
    private static final String BOB = "3f1c2a9e-0000-4000-8000-0000000000b2";

    /** Every TICKET_CREATED of the journal merges the opener into the data, in the version the definition reads. */
    private static WorkflowDefinition reading(int version, String... fields) {
        return new WorkflowDefinition("intake", 1, "open",
                Map.of("open", ExecutionStatus.WAITING),
                List.of(new Transition("open", "TICKET_CREATED", "open", null, MergeRule.merge(fields))),
                List.of(), Map.of("TICKET_CREATED", version));
    }

    private static List<WorkflowEvent> mixedJournal() {
        return List.of(
                WorkflowEvent.started(json("{}"), T0),
                new WorkflowEvent(1, "TICKET_CREATED", json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\","
                        + "\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000440\",\"createdByUserId\":\"" + ANN + "\"}"),
                        T0.plusSeconds(1), false, 1),
                new WorkflowEvent(2, "TICKET_CREATED", json("{\"tenantId\":\"3f1c2a9e-0000-4000-8000-000000000001\","
                        + "\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000441\",\"openedByUserId\":\"" + BOB + "\","
                        + "\"openedVia\":\"CONTACT\"}"), T0.plusSeconds(2), false, 2));
    }

    @Test
    void aDefinitionReadingV2SeesTheV1EntryUpcast() {
        WorkflowDefinition v2 = reading(2, "openedByUserId", "openedVia");
        assertEquals(json("{\"openedByUserId\":\"" + ANN + "\",\"openedVia\":\"USER\"}"),
                Replayer.replay(v2, Optional.empty(), mixedJournal(), ReplayBound.atSequence(1), SHIPPED).state().data());
        assertEquals(json("{\"openedByUserId\":\"" + BOB + "\",\"openedVia\":\"CONTACT\"}"),
                Replayer.replay(v2, Optional.empty(), mixedJournal(), ReplayBound.latest(), SHIPPED).state().data());
    }

    @Test
    void aDefinitionReadingV1SeesTheV2EntryDowncast() {
        WorkflowDefinition v1 = reading(1, "createdByUserId", "actorType");
        assertEquals(json("{\"createdByUserId\":\"" + BOB + "\",\"actorType\":\"CONTACT\"}"),
                Replayer.replay(v1, Optional.empty(), mixedJournal(), ReplayBound.latest(), SHIPPED).state().data());
    }

    @Test
    void withoutConvertersAMixedJournalIsRefusedNamingTheMissingStep() {
        MissingConverterException e = assertThrows(MissingConverterException.class, () -> Replayer.replay(
                reading(2, "openedByUserId"), Optional.empty(), mixedJournal(), ReplayBound.latest()));
        assertEquals(List.of("TICKET_CREATED", 1, 2), List.of(e.eventType(), e.from(), e.to()));
    }

    @Test
    void theStartEventAndEventsOfTypesTheDefinitionDoesNotNameAreNotConverted() {
        WorkflowEvent started = WorkflowEvent.started(json("{\"createdByUserId\":\"x\"}"), T0);
        assertEquals(started, JournalVersions.asRead(reading(2, "openedByUserId"), started, EventVersions.NONE));
        WorkflowEvent other = new WorkflowEvent(1, "TICKET_CLOSED", json("{}"), T0);
        assertEquals(other, JournalVersions.asRead(reading(2, "openedByUserId"), other, EventVersions.NONE));
    }
}

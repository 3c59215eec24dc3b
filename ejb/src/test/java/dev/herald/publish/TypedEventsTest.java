package dev.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.auth.TenantDirectory;
import dev.herald.events.EventIssue;
import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.events.InvalidEventException;
import dev.herald.events.Outgoing;
import jakarta.json.Json;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class TypedEventsTest {

    @EventType(name = "TICKET_CREATED", version = 1)
    public record TicketOpened(String tenantId, String ticketId, @JsonbProperty("opened_by") String openedBy) implements HeraldEvent {
    }

    @EventType(name = "TICKET_CLOSED", version = 1)
    public record TicketShut(String tenantId, Instant closedAt) implements HeraldEvent {
    }

    static final String ACME = "2f281f27-f782-3d33-8ba0-c22cb03f530d";
    final TypedEvents typed = TypedEvents.of(TenantDirectory.derived());

    @EventType(name = "TICKET_CREATED", version = 2)
    public record TicketOpenedV2(String tenantId, String ticketId, String openedVia) implements HeraldEvent {
    }

    @Test
    void aRecordOfALaterVersionIsPublishedInThatVersion() {
        assertEquals(2, typed.toDomainEvent("acme", Outgoing.of(new TicketOpenedV2(null, "t-1", "USER"))).version());
        assertEquals(1, typed.toDomainEvent("acme", Outgoing.of(new TicketOpened(null, "t-1", "u-1"))).version());
    }

    @Test
    void anEmptyTenantIdIsTheTenantPublishedFor() {
        DomainEvent event = typed.toDomainEvent("acme", Outgoing.of(new TicketOpened(null, "t-1", "u-1")));
        assertEquals("TICKET_CREATED", event.eventType());
        assertEquals(Json.createObjectBuilder().add("ticketId", "t-1").add("opened_by", "u-1").add("tenantId", ACME).build(),
                event.payload());
    }

    @Test
    void aPayloadNamingAnotherTenantIsRefusedAtItsTenantId() {
        InvalidEventException refused = assertThrows(InvalidEventException.class,
                () -> typed.toDomainEvent("acme", Outgoing.of(new TicketOpened("globex", "t-1", null))));
        assertEquals(List.of("/payload/tenantId"), refused.issues().stream().map(EventIssue::pointer).toList());
    }

    @Test
    void theSameTenantBySlugOrIdIsAccepted() {
        assertEquals(ACME, typed.toDomainEvent("acme", Outgoing.of(new TicketOpened(ACME, "t-1", null))).payload().getString("tenantId"));
    }

    @Test
    void routingOptionsCarryOverWithTheAggregateKeyedByTenantId() {
        DomainEvent event = typed.toDomainEvent("acme", Outgoing.of(new TicketOpened(null, "t-1", null))
                .forAggregate("t-1").onChannels("global", "desk").withIdempotencyKey("k-1"));
        assertEquals(Optional.of(ACME + ":t-1"), event.aggregateKey());
        assertEquals(List.of("global", "desk"), event.channels());
        assertEquals(Optional.of("k-1"), event.idempotencyKey());
    }

    @Test
    void aTimeOnAWholeSecondIsWrittenWithMillisecondsInUtc() {
        DomainEvent event = typed.toDomainEvent("acme", Outgoing.of(new TicketShut(null, Instant.parse("2026-11-23T07:41:51Z"))));
        assertEquals("2026-11-23T07:41:51.000Z", event.payload().getString("closedAt"));
    }
}

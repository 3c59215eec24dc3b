package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.events.EventIssue;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryPayloadValidatorTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.loadFromClasspath();
    private final RegistryPayloadValidator validator = new RegistryPayloadValidator(REGISTRY);

    @Test
    void validTicketCreatedPassesThroughTheCatalogsSchema() {
        assertEquals(List.of(), validator.validate("TICKET_CREATED", Json.createObjectBuilder()
                .add("tenantId", "3f1c2a9e-0000-4000-8000-000000000001").add("occurredAt", "2026-11-23T07:41:51.792Z")
                .add("ticketId", "4a4e1c3e-1111-4000-8000-000000000002").build()));
    }

    @Test
    void missingFieldIsNamedByItsPointer() {
        List<EventIssue> issues = validator.validate("TICKET_CREATED", Json.createObjectBuilder()
                .add("tenantId", "3f1c2a9e-0000-4000-8000-000000000001").add("occurredAt", "2026-11-23T07:41:51.792Z").build());
        assertTrue(issues.stream().anyMatch(i -> i.pointer().equals("/ticketId")), issues.toString());
    }

    @Test
    void declaresLooksAtTheDomainShapeOfLegacyCapableSchemas() {
        assertTrue(validator.declares("TICKET_CREATED", "actorUserId"));
        assertTrue(!validator.declares("TICKET_CREATED", "suppressContactNotifications"), "legacy-only field");
        assertTrue(!validator.declares("NO_SUCH_EVENT", "actorUserId"));
    }

    @Test
    void unknownEventTypeIsAClearIssueNotAnException() {
        List<EventIssue> issues = validator.validate("NO_SUCH_EVENT", Json.createObjectBuilder().add("tenantId", "3f1c2a9e-0000-4000-8000-000000000001").build());
        assertEquals(1, issues.size());
        assertEquals("/eventType", issues.get(0).pointer());
        assertTrue(issues.get(0).message().contains("NO_SUCH_EVENT"));
    }
}

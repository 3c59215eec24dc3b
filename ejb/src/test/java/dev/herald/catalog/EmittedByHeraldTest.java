package dev.herald.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog's "emitted by Herald" flag tells an integrator which events Herald's own services publish. It must
 * name exactly the types the reference services emit (each list is what that package's transition tests show).
 */
class EmittedByHeraldTest {

    private static final Set<String> TICKETS = Set.of("TICKET_CREATED", "TICKET_ASSIGNED", "TICKET_UPDATED", "TICKET_TIME_ENTRY_ADDED");
    private static final Set<String> PROJECTS = Set.of("PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED",
            "PROJECT_CLOSED", "PROJECT_TASK_CREATED", "PROJECT_TASK_ASSIGNED", "PROJECT_TASK_STATUS_CHANGED",
            "PROJECT_TASK_COMPLETED", "PROJECT_TASK_DEPENDENCY_BLOCKED", "PROJECT_TASK_DEPENDENCY_UNBLOCKED");
    private static final Set<String> TIME_ENTRIES = Set.of("TIME_ENTRY_SUBMITTED", "TIME_ENTRY_APPROVED");
    private static final Set<String> BILLING = Set.of("INVOICE_GENERATED", "INVOICE_FINALIZED", "INVOICE_SENT",
            "INVOICE_STATUS_CHANGED", "INVOICE_OVERDUE", "PAYMENT_RECORDED", "PAYMENT_APPLIED", "PAYMENT_REFUNDED");

    @Test
    void theCatalogMarksExactlyTheTypesHeraldsServicesEmit() {
        Set<String> emitted = new TreeSet<>();
        emitted.addAll(TICKETS);
        emitted.addAll(PROJECTS);
        emitted.addAll(TIME_ENTRIES);
        emitted.addAll(BILLING);
        Set<String> marked = SystemCatalogData.load().stream().filter(CatalogDefinition::emittedByHerald)
                .map(CatalogDefinition::eventType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(emitted, marked);
    }
}

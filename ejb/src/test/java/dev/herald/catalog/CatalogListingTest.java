package dev.herald.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogListingTest {

    private static final List<CatalogView> SYSTEM = List.of(
            system("TICKET_CREATED", "Ticket Created", "Tickets", "Fires when a new ticket is opened."),
            system("TICKET_CLOSED", "Ticket Closed", "Tickets", "A ticket moved into a closed status."),
            system("INVOICE_SENT", "Invoice Sent", "Billing", "100% of the invoice was sent"),
            system("PROJECT_CREATED", "Project Created", "Projects", null));

    @Test
    void aTenantEntryShadowsTheSystemEntryOfItsTypeAndAddsItsOwn() {
        CatalogListing listing = new CatalogListing(SYSTEM, List.of(
                tenant("TICKET_CLOSED", "Ticket Closed (ours)", "Tickets"), tenant("WIDGET_SHIPPED", "Widget Shipped", "Widgets")));
        CatalogPage all = listing.page(query(null, null, "eventType", false, 0, 50));
        assertEquals(5, all.total());
        assertEquals(List.of("INVOICE_SENT", "PROJECT_CREATED", "TICKET_CLOSED", "TICKET_CREATED", "WIDGET_SHIPPED"),
                all.items().stream().map(CatalogView::eventType).toList());
        assertEquals("tenant", listing.entry("TICKET_CLOSED").orElseThrow().scope());
        assertEquals("system", listing.entry("TICKET_CREATED").orElseThrow().scope());
        assertTrue(listing.entry("NO_SUCH").isEmpty());
    }

    @Test
    void anotherTenantSeesOnlyTheSystemEntries() {
        CatalogListing listing = new CatalogListing(SYSTEM, List.of());
        assertEquals(0, listing.page(query(null, "widget", "eventType", false, 0, 50)).total());
        assertEquals("system", listing.entry("TICKET_CLOSED").orElseThrow().scope());
    }

    @Test
    void categoryAndTextFilterCaseInsensitivelyAndLiterally() {
        CatalogListing listing = new CatalogListing(SYSTEM, List.of());
        assertEquals(List.of("TICKET_CLOSED"), types(listing.page(query("Tickets", "CLOSED STATUS", "eventType", false, 0, 50))));
        assertEquals(List.of("TICKET_CLOSED", "TICKET_CREATED"), types(listing.page(query("Tickets", null, "eventType", false, 0, 50))));
        assertEquals(List.of("INVOICE_SENT"), types(listing.page(query(null, "100%", "eventType", false, 0, 50))), "% is text");
        assertEquals(List.of("TICKET_CLOSED"), types(listing.page(query(null, "ket_cl", "eventType", false, 0, 50))));
        assertEquals(List.of(), types(listing.page(query(null, "ket%cl", "eventType", false, 0, 50))), "% is not a wildcard");
        assertEquals(0, listing.page(query("tickets", null, "eventType", false, 0, 50)).total(), "categories match exactly");
    }

    @Test
    void sortsDescendingWithTheTypeAsTieBreakAndPages() {
        CatalogListing listing = new CatalogListing(SYSTEM, List.of());
        CatalogPage first = listing.page(query(null, null, "category", true, 0, 3));
        assertEquals(List.of("TICKET_CLOSED", "TICKET_CREATED", "PROJECT_CREATED"), types(first));
        assertEquals(4, first.total());
        assertEquals(List.of("INVOICE_SENT"), types(listing.page(query(null, null, "category", true, 1, 3))));
        assertEquals(List.of(), types(listing.page(query(null, null, "category", true, 7, 3))), "past the end: empty");
    }

    @Test
    void categoriesAreCountedInNameOrder() {
        CatalogListing listing = new CatalogListing(SYSTEM, List.of(tenant("WIDGET_SHIPPED", "Widget Shipped", "Widgets")));
        assertEquals(List.of(new CategoryCount("Billing", 1), new CategoryCount("Projects", 1), new CategoryCount("Tickets", 2),
                new CategoryCount("Widgets", 1)), listing.categories());
    }

    @Test
    void aPageStartingPastAnyPossibleEntryIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> query(null, null, "eventType", false, Integer.MAX_VALUE, 200));
    }

    private static List<String> types(CatalogPage page) {
        return page.items().stream().map(CatalogView::eventType).toList();
    }

    private static CatalogQuery query(String category, String text, String sort, boolean descending, int page, int size) {
        return new CatalogQuery("acme", category, text, sort, descending, page, size);
    }

    private static CatalogView system(String type, String name, String category, String description) {
        return new CatalogView(type, name, category, description, "payload.X.v1", "active", false, "system");
    }

    private static CatalogView tenant(String type, String name, String category) {
        return new CatalogView(type, name, category, null, null, "custom", false, "tenant");
    }
}

package dev.herald.reference.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.persistence.ColumnLimits;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketColumnLimitsTest {

    @Test
    void aTicketTitlesLimitIsItsColumn() {
        assertEquals(Optional.of(500), ColumnLimits.of(Ticket.class).maxLength("title"));
    }
}

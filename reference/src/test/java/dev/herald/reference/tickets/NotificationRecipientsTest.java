package dev.herald.reference.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.reference.tickets.NotificationRecipients.Recipient;
import dev.herald.reference.tickets.NotificationRecipients.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationRecipientsTest {

    @Test
    void theCompanyTheAssigneeAndTheResourcesAreNotifiedInThatOrder() {
        assertEquals(List.of(new Recipient("desk@acme.test", Role.COMPANY), new Recipient("alice@msp.test", Role.ASSIGNEE),
                        new Recipient("bob@msp.test", Role.RESOURCE)),
                NotificationRecipients.resolve(Optional.of("desk@acme.test"), Optional.of("alice@msp.test"), List.of("bob@msp.test")));
    }

    @Test
    void anAddressIsNotifiedOnceUnderItsFirstRole() {
        assertEquals(List.of(new Recipient("alice@msp.test", Role.ASSIGNEE)),
                NotificationRecipients.resolve(Optional.empty(), Optional.of("alice@msp.test"), List.of("Alice@MSP.test")));
    }

    @Test
    void missingAndBlankAddressesAreSkipped() {
        assertEquals(List.of(new Recipient("bob@msp.test", Role.RESOURCE)),
                NotificationRecipients.resolve(Optional.empty(), Optional.of(" "), Arrays.asList(null, "bob@msp.test")));
    }
}

package dev.herald.reference.tickets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told about a ticket event (AlgaPSA's ticket email subscriber): the client company's email, the assigned
 * user, then the additional resources; each address once (the first role wins), blanks skipped.
 */
public final class NotificationRecipients {

    public enum Role { COMPANY, ASSIGNEE, RESOURCE }

    public record Recipient(String email, Role role) {
    }

    private NotificationRecipients() {
    }

    public static List<Recipient> resolve(Optional<String> companyEmail, Optional<String> assigneeEmail,
                                          List<String> resourceEmails) {
        List<Recipient> recipients = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        companyEmail.ifPresent(email -> add(recipients, seen, email, Role.COMPANY));
        assigneeEmail.ifPresent(email -> add(recipients, seen, email, Role.ASSIGNEE));
        resourceEmails.forEach(email -> add(recipients, seen, email, Role.RESOURCE));
        return List.copyOf(recipients);
    }

    private static void add(List<Recipient> recipients, Set<String> seen, String email, Role role) {
        if (email != null && !email.isBlank() && seen.add(email.trim().toLowerCase(Locale.ROOT))) {
            recipients.add(new Recipient(email.trim(), role));
        }
    }
}

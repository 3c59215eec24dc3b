package dev.herald.sample.notes;

import dev.herald.events.Outgoing;
import dev.herald.events.PublishedEvent;
import dev.herald.events.Publisher;
import dev.herald.events.types.NoteCreated;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The emitter: writing a note publishes NOTE_CREATED for the tenant, in the caller's transaction. The payload is the
 * generated record; the platform checks it against its schema before anything is sent, so a note about an entity
 * type the schema does not know is refused with the issue, and nothing is published.
 */
@Stateless
public class Notes {

    @Inject
    Publisher publisher;

    private final Clock clock = Clock.systemUTC();

    public WrittenNote write(String tenant, NewNote note) {
        Instant now = clock.instant();
        NoteCreated created = NoteCreated.builder()
                .noteId(UUID.randomUUID())
                .entityType(note.entityType())
                .entityId(note.entityId())
                .visibility(note.visibility())
                .bodyPreview(note.body())
                .actorType("SYSTEM")
                .occurredAt(now)
                .createdAt(now)
                .build();
        // The tenant fills the payload's tenantId; the note's events keep their order per entity.
        PublishedEvent event = publisher.publish(tenant, Outgoing.of(created).forAggregate("note-entity:" + note.entityId()));
        return new WrittenNote(created.noteId(), event);
    }
}

package dev.herald.sample.notes;

import dev.herald.events.Subscribe;
import dev.herald.events.types.NoteCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The observer: every NOTE_CREATED on the {@code global} channel, read from Redis through Herald's consumer group,
 * arrives here as the typed record. A throw would be retried and then dead-lettered by the platform; this one only
 * remembers what it saw (in memory: a sample, not a store).
 */
@ApplicationScoped
public class NoteLog {

    private final Map<UUID, NoteCreated> seen = new ConcurrentHashMap<>();

    void onNoteCreated(@Observes @Subscribe(id = "sample-note-log") NoteCreated note) {
        seen.put(note.noteId(), note);
    }

    public Optional<NoteCreated> seen(UUID noteId) {
        return Optional.ofNullable(seen.get(noteId));
    }
}

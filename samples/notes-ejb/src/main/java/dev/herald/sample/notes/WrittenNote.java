package dev.herald.sample.notes;

import dev.herald.events.PublishedEvent;
import java.util.UUID;

/** A note written: its id, and the receipt of the NOTE_CREATED that announced it. */
public record WrittenNote(UUID noteId, PublishedEvent event) {
}

package dev.herald.sample.notes;

import java.util.UUID;

/** A note to write: about a {@code client} or {@code contact} ({@code entityType}), public or internal. */
public record NewNote(String entityType, UUID entityId, String visibility, String body) {
}

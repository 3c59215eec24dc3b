package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import dev.herald.redis.DeadLetters;
import dev.herald.redis.StreamId;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;

/** The answer to an operator's dead-letter replay, whichever stream the dead letter came from. */
public final class DeadLetterReplies {

    private DeadLetterReplies() {
    }

    /**
     * 202 with the stream and the new entry's id, or a 404 problem when there is no such dead letter; a malformed
     * id is refused (400) before the replay script runs.
     */
    public static Response replay(String stream, String deadLetterId, Function<String, Optional<String>> replay) {
        StreamId.parse(deadLetterId);
        return replay.apply(deadLetterId)
                .map(entryId -> Response.accepted(WireJson.json().createObjectBuilder().add("stream", stream).add("entryId", entryId)
                        .build()).build())
                .orElseGet(() -> Problems.notFound("no dead letter " + deadLetterId + " on " + DeadLetters.of(stream)));
    }
}

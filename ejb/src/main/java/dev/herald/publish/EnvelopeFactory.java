package dev.herald.publish;

import dev.herald.kernel.WireJson;
import dev.herald.kernel.WireTime;
import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import dev.herald.persistence.ColumnLimits;
import java.util.regex.Pattern;

/**
 * Turns a {@link DomainEvent} into the envelope that is sent: channels that follow the {@link ChannelPolicy},
 * keys that fit the columns they are recorded in, a fresh id, a millisecond UTC timestamp, and a
 * payload that always carries {@code tenantId} and {@code occurredAt}, whose date-times are in the consumers' UTC form
 * ({@link WireForms}), and that is valid against its type's schema.
 * Anything wrong is refused with every issue at once; nothing is sent.
 */
public final class EnvelopeFactory {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** An idempotency key is stored with the event it took (PublishedKey). */
    private static final int MAX_IDEMPOTENCY_KEY = ColumnLimits.of(PublishedKey.class).maxLength("idempotencyKey").orElseThrow();
    private static final int MAX_AGGREGATE_KEY = DomainEvent.MAX_AGGREGATE_KEY;
    private static final int MAX_CHANNEL_LIST = DomainEvent.MAX_CHANNEL_LIST;

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final PayloadValidator validator;
    private final ChannelPolicy channels;

    public EnvelopeFactory(Clock clock, Supplier<UUID> ids, PayloadValidator validator, ChannelPolicy channels) {
        this.clock = clock;
        this.ids = ids;
        this.validator = validator;
        this.channels = channels;
    }

    public EnvelopeFactory(Clock clock, Supplier<UUID> ids, PayloadValidator validator) {
        this(clock, ids, validator, ChannelPolicy.ANY);
    }

    public static EnvelopeFactory system(PayloadValidator validator) {
        return system(validator, ChannelPolicy.ANY);
    }

    public static EnvelopeFactory system(PayloadValidator validator, ChannelPolicy channels) {
        return new EnvelopeFactory(Clock.systemUTC(), UUID::randomUUID, validator, channels);
    }

    public EventEnvelope create(DomainEvent event) {
        return create(event, Optional.empty());
    }

    /**
     * @param actorUserId the authenticated caller, added as {@code actorUserId} when the payload has none and its
     *                    schema declares the field
     */
    public EventEnvelope create(DomainEvent event, Optional<String> actorUserId) {
        List<EventIssue> issues = new ArrayList<>();
        if (!EVENT_TYPE.matcher(event.eventType()).matches()) {
            issues.add(new EventIssue("/eventType", "must be SCREAMING_SNAKE_CASE, was '" + event.eventType() + "'"));
        }
        JsonValue tenant = event.payload().get("tenantId");
        if (!(tenant instanceof JsonString s) || s.getString().isBlank()) {
            issues.add(new EventIssue("/payload/tenantId", "is required and must be a non-empty string"));
        }
        issues.addAll(channels.issues(event.channels()));
        if (issues.stream().noneMatch(issue -> issue.pointer().startsWith("/channels"))
                && String.join(",", event.distinctChannels()).length() > MAX_CHANNEL_LIST) {
            issues.add(new EventIssue("/channels", "the channel names together are longer than " + MAX_CHANNEL_LIST + " characters"));
        }
        event.idempotencyKey().filter(key -> key.length() > MAX_IDEMPOTENCY_KEY).ifPresent(key ->
                issues.add(new EventIssue("/idempotencyKey", "is longer than " + MAX_IDEMPOTENCY_KEY + " characters")));
        event.aggregateKey().filter(key -> key.length() > MAX_AGGREGATE_KEY).ifPresent(key ->
                issues.add(new EventIssue("/aggregateKey", "is longer than " + MAX_AGGREGATE_KEY + " characters")));
        if (!issues.isEmpty()) {
            throw new InvalidEventException(event.eventType(), issues);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        JsonObject payload = enrich(event, now, actorUserId);
        List<EventIssue> payloadIssues = validator.validate(event.eventType(), event.version(), payload);
        if (!payloadIssues.isEmpty()) {
            throw new InvalidEventException(event.eventType(), payloadIssues.stream()
                    .map(i -> i.pointer().equals("/eventType") ? i : new EventIssue("/payload" + i.pointer(), i.message()))
                    .toList());
        }
        return new EventEnvelope(ids.get().toString(), event.eventType(), now, payload, event.simulated(), event.version());
    }

    private JsonObject enrich(DomainEvent event, Instant now, Optional<String> actorUserId) {
        JsonObject payload = WireForms.normalised(event.payload());
        // Legacy bus shapes (PROJECT_CLOSED, TIME_ENTRY_*) forbid extra fields: stamping them would make them invalid.
        boolean addTime = !payload.containsKey("occurredAt") && validator.declares(event.eventType(), event.version(), "occurredAt");
        boolean addActor = actorUserId.isPresent() && !payload.containsKey("actorUserId")
                && validator.declares(event.eventType(), event.version(), "actorUserId");
        if (!addTime && !addActor) {
            return payload;
        }
        JsonObjectBuilder builder = WireJson.builders().createObjectBuilder(payload);
        if (addTime) {
            builder.add("occurredAt", WireTime.text(now));
        }
        if (addActor) {
            builder.add("actorUserId", actorUserId.get());
        }
        return builder.build();
    }
}

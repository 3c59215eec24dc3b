package dev.herald.api.operations;

import dev.herald.kernel.WireJson;
import dev.herald.auth.Groups;
import dev.herald.operations.GroupBacklog;
import dev.herald.operations.OperationsSampler;
import dev.herald.operations.OperationsSnapshot;
import dev.herald.operations.RateHistory;
import dev.herald.operations.RatePoint;
import dev.herald.operations.StreamBacklog;
import dev.herald.subscribe.SubscriberRuntime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What the console's Operations view shows: the backlog of every stream and consumer group and of the workflow queue
 * (the sampler's latest snapshot, the same figures as the gauges at /metrics), the event path's rates over the last
 * minutes, and the pause of this server's subscribers. Every tenant's events are behind these figures, so it is for
 * platform operators only.
 */
@Path("/operations")
@RolesAllowed(Groups.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    /** How long a pause waits for the round in progress to end (a read blocks 1 s by default, then its deliveries). */
    static final Duration PAUSE_WAIT = Duration.ofSeconds(15);

    @Inject
    OperationsSampler sampler;

    @Inject
    SubscriberRuntime subscribers;

    @GET
    @Path("/backlog")
    @Operation(summary = "Per stream and consumer group the lag and pending entries, dead letters per stream, and the"
            + " workflow queue, as the last sample read them (herald.operations.sample-interval)")
    @APIResponse(responseCode = "200", description = "The latest sample",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"sampledAt\":\"2024-05-01T12:00:00Z\",\"sampleMillis\":4,\"streams\":[{\"stream\":\"alga-psa:event-stream:global:TICKET_CREATED\",\"channel\":\"global\",\"eventType\":\"TICKET_CREATED\",\"length\":120,\"deadLetters\":1,\"groups\":[{\"group\":\"herald-subscribers\",\"consumers\":1,\"lag\":3,\"lagCapped\":false,\"pending\":2,\"lastDeliveredId\":\"1714564800000-0\"}]}],\"workflowQueue\":{\"queued\":4,\"dead\":1},\"workflowStream\":\"workflow:events:global\",\"triggerGroup\":\"workflow-runtime-v2\",\"triggerLag\":0,\"subscribers\":{\"paused\":false,\"running\":true},\"errors\":[]}")))
    public JsonObject backlog() {
        OperationsSnapshot snapshot = sampler.latest();
        JsonArrayBuilder streams = WireJson.json().createArrayBuilder();
        for (StreamBacklog stream : snapshot.streams()) {
            JsonArrayBuilder groups = WireJson.json().createArrayBuilder();
            for (GroupBacklog group : stream.groups()) {
                groups.add(WireJson.json().createObjectBuilder()
                        .add("group", group.group())
                        .add("consumers", group.consumers())
                        .add("lag", group.lag())
                        .add("lagCapped", group.lagCapped())
                        .add("pending", group.pending())
                        .add("lastDeliveredId", group.lastDeliveredId()));
            }
            JsonObjectBuilder json = WireJson.json().createObjectBuilder().add("stream", stream.stream());
            stream.channel().ifPresent(channel -> json.add("channel", channel));
            stream.eventType().ifPresent(type -> json.add("eventType", type));
            streams.add(json.add("length", stream.length()).add("deadLetters", stream.deadLetters()).add("groups", groups));
        }
        JsonObjectBuilder json = WireJson.json().createObjectBuilder()
                .add("sampledAt", snapshot.sampledAt().toString())
                .add("sampleMillis", snapshot.took().toMillis())
                .add("streams", streams);
        snapshot.queue().ifPresent(queue -> json.add("workflowQueue",
                WireJson.json().createObjectBuilder().add("queued", queue.queued()).add("dead", queue.dead())));
        json.add("workflowStream", snapshot.workflowStream()).add("triggerGroup", snapshot.triggerGroup());
        snapshot.triggerBacklog().ifPresent(trigger -> json.add("triggerLag", trigger.lag()));
        JsonArrayBuilder errors = WireJson.json().createArrayBuilder();
        snapshot.errors().forEach(errors::add);
        return json.add("subscribers", subscribers()).add("errors", errors).build();
    }

    @GET
    @Path("/rates")
    @Operation(summary = "Events per second published, relayed (one per channel) and delivered (one per subscriber),"
            + " per 10-second step over the last herald.operations.rate-history, oldest first")
    @APIResponse(responseCode = "200", description = "The rate history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"stepSeconds\":10,\"points\":[{\"at\":\"2024-05-01T12:00:10Z\",\"seconds\":10.0,\"published\":1.5,\"relayed\":3.0,\"delivered\":1.5}]}")))
    public JsonObject rates() {
        JsonArrayBuilder points = WireJson.json().createArrayBuilder();
        for (RatePoint point : sampler.rates()) {
            points.add(WireJson.json().createObjectBuilder()
                    .add("at", point.at().toString())
                    .add("seconds", point.seconds())
                    .add("published", point.published())
                    .add("relayed", point.relayed())
                    .add("delivered", point.delivered()));
        }
        return WireJson.json().createObjectBuilder().add("stepSeconds", RateHistory.STEP.toSeconds()).add("points", points).build();
    }

    @GET
    @Path("/subscribers")
    @Operation(summary = "Whether this server's subscriber consumer is paused and running")
    @APIResponse(responseCode = "200", description = "The subscriber consumer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"group\":\"herald-subscribers\",\"consumer\":\"host:heraldServer\",\"paused\":false,\"running\":true}")))
    public JsonObject subscribers() {
        SubscriberRuntime.Status status = subscribers.status();
        return WireJson.json().createObjectBuilder()
                .add("group", status.group())
                .add("consumer", status.consumer())
                .add("paused", subscribers.paused())
                .add("running", status.running())
                .build();
    }

    @POST
    @Path("/subscribers/pause")
    @Operation(summary = "Pause this server's subscriber consumer: it stops reading, claiming and acknowledging (the"
            + " group's lag grows) until resumed; other servers' consumers go on. Not kept across a restart")
    @APIResponse(responseCode = "200", description = "Paused; idle is true once the round in progress ended (waited"
            + " for up to 15 s), false when it still runs deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"group\":\"herald-subscribers\",\"consumer\":\"host:heraldServer\",\"paused\":true,\"running\":true,\"idle\":true}")))
    public JsonObject pause() throws InterruptedException {
        boolean idle = subscribers.pause(PAUSE_WAIT);
        return WireJson.json().createObjectBuilder(subscribers()).add("idle", idle).build();
    }

    @POST
    @Path("/subscribers/resume")
    @Operation(summary = "Resume this server's subscriber consumer after a pause")
    @APIResponse(responseCode = "200", description = "Resumed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"group\":\"herald-subscribers\",\"consumer\":\"host:heraldServer\",\"paused\":false,\"running\":true}")))
    public JsonObject resume() {
        subscribers.resume();
        return subscribers();
    }
}

package dev.herald.kernel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every call as {@code name:argument} (e.g. {@code delivered:good}), for tests of the classes that count. */
public final class RecordingEventMetrics implements EventMetrics {

    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override public void published(String eventType) { calls.add("published:" + eventType); }
    @Override public void refused() { calls.add("refused"); }
    @Override public void relayed(String eventType) { calls.add("relayed:" + eventType); }
    @Override public void relayFailed() { calls.add("relayFailed"); }
    @Override public void relayDeadLettered() { calls.add("relayDeadLettered"); }
    @Override public void relayReplayed() { calls.add("relayReplayed"); }
    @Override public void publishToStream(Duration latency) { calls.add("publishToStream"); }
    @Override public void delivered(String subscriberId) { calls.add("delivered:" + subscriberId); }
    @Override public void deliveryFailed(String subscriberId) { calls.add("deliveryFailed:" + subscriberId); }
    @Override public void deliveryTimedOut(String subscriberId) { calls.add("deliveryTimedOut:" + subscriberId); }
    @Override public void subscriberDeadLettered(String subscriberId) { calls.add("subscriberDeadLettered:" + subscriberId); }
    @Override public void retentionTrimmed(long entries) { calls.add("retentionTrimmed:" + entries); }
}

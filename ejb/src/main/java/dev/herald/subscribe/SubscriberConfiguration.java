package dev.herald.subscribe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The subscribers' settings from MicroProfile Config (server.xml variables, environment, system properties). */
@ApplicationScoped
public class SubscriberConfiguration {

    /** The group the existing consumers read the per-type streams in. */
    static final String EXISTING_CONSUMERS_GROUP = "event-processors";

    @Inject
    @ConfigProperty(name = "herald.subscribe.group", defaultValue = "herald-subscribers")
    String group;

    /** Overrides the consumer name; by default host + Liberty server name, the same across restarts. */
    @Inject
    @ConfigProperty(name = "herald.subscribe.consumer-name")
    Optional<String> consumerName;

    /** server.xml sets it to ${wlp.server.name}. */
    @Inject
    @ConfigProperty(name = "herald.subscribe.server-name", defaultValue = "herald")
    String serverName;

    @Inject
    @ConfigProperty(name = "herald.subscribe.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "herald.subscribe.block", defaultValue = "PT1S")
    Duration block;

    @Inject
    @ConfigProperty(name = "herald.subscribe.claim-idle", defaultValue = "PT30S")
    Duration claimIdle;

    @Inject
    @ConfigProperty(name = "herald.subscribe.max-deliveries", defaultValue = "5")
    int maxDeliveries;

    @Inject
    @ConfigProperty(name = "herald.subscribe.handler-timeout", defaultValue = "PT10S")
    Duration handlerTimeout;

    /** latest | earliest: where a new group starts on a stream that already has entries. */
    @Inject
    @ConfigProperty(name = "herald.subscribe.initial-position", defaultValue = "latest")
    String initialPosition;

    @Inject
    @ConfigProperty(name = "herald.subscribe.dedupe-prefix", defaultValue = "herald:delivered:")
    String dedupePrefix;

    @Inject
    @ConfigProperty(name = "herald.subscribe.dedupe-window", defaultValue = "P7D")
    Duration dedupeWindow;

    public ConsumerSettings settings() {
        if (EXISTING_CONSUMERS_GROUP.equals(group.strip())) {
            // Two processes in one consumer group split its entries: each would miss what the other read.
            throw new IllegalArgumentException("herald.subscribe.group must not be '" + EXISTING_CONSUMERS_GROUP
                    + "', the existing consumers' group: Herald's subscribers would take entries away from them");
        }
        boolean latest = switch (initialPosition.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "latest" -> true;
            case "earliest" -> false;
            default -> throw new IllegalArgumentException(
                    "herald.subscribe.initial-position must be 'latest' or 'earliest', was '" + initialPosition + "'");
        };
        return new ConsumerSettings(group, consumerName(), batchSize, block, claimIdle, maxDeliveries, handlerTimeout, latest);
    }

    public String consumerName() {
        return consumerName.filter(name -> !name.isBlank()).orElseGet(() -> host() + ":" + serverName);
    }

    public String dedupePrefix() {
        return dedupePrefix;
    }

    public Duration dedupeWindow() {
        return dedupeWindow;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}

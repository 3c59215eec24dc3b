package dev.herald.subscribe;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;
import static dev.herald.kernel.Settings.required;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The subscribers' settings ({@code herald.subscribe.*}), the one place their names and defaults are written
 * (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal). Subscribers are CDI
 * observers with {@code @Subscribe}, fed from the per-type streams by a consumer group; the consumer name is
 * host:server-name unless {@code herald.subscribe.consumer-name} is set. A bad value fails the deployment.
 *
 * @param group           the consumer group on every per-type stream (never the existing consumers' group)
 * @param consumerName    overrides the whole consumer name
 * @param serverName      the second half of the consumer name (host:server-name)
 * @param batchSize       entries per XREADGROUP
 * @param block           how long an XREADGROUP blocks
 * @param claimIdle       an entry unacknowledged this long is claimed and delivered again
 * @param maxDeliveries   at this delivery an entry whose subscribers still fail is dead-lettered
 * @param handlerTimeout  how long one observer may take per delivery
 * @param initialPosition {@code latest} or {@code earliest}: where a new group starts on a stream with entries
 * @param dedupePrefix    the prefix of the per (event, channel, subscriber) handled marks
 * @param dedupeWindow    how long a handled mark lives
 * @param parallelism     how many ordering keys (tenants) are delivered at once
 * @param maxInFlight     how many entries may be read and not yet acknowledged
 */
public record SubscriberSettings(String group, Optional<String> consumerName, String serverName, int batchSize,
                                 Duration block, Duration claimIdle, int maxDeliveries, Duration handlerTimeout,
                                 String initialPosition, String dedupePrefix, Duration dedupeWindow,
                                 int parallelism, int maxInFlight) {

    /** The group the existing consumers read the per-type streams in. */
    static final String EXISTING_CONSUMERS_GROUP = "event-processors";

    public static final String GROUP = "herald.subscribe.group";
    public static final String DEFAULT_GROUP = "herald-subscribers";

    /** No default: host:server-name, the same across restarts. */
    public static final String CONSUMER_NAME = "herald.subscribe.consumer-name";

    /** server.xml sets it to ${wlp.server.name}; this default is for a container without it. */
    public static final String SERVER_NAME = "herald.subscribe.server-name";
    public static final String DEFAULT_SERVER_NAME = "herald";

    public static final String BATCH_SIZE = "herald.subscribe.batch-size";
    public static final int DEFAULT_BATCH_SIZE = 100;

    public static final String BLOCK = "herald.subscribe.block";
    public static final Duration DEFAULT_BLOCK = Duration.ofSeconds(1);

    public static final String CLAIM_IDLE = "herald.subscribe.claim-idle";
    public static final Duration DEFAULT_CLAIM_IDLE = Duration.ofSeconds(30);

    public static final String MAX_DELIVERIES = "herald.subscribe.max-deliveries";
    public static final int DEFAULT_MAX_DELIVERIES = 5;

    public static final String HANDLER_TIMEOUT = "herald.subscribe.handler-timeout";
    public static final Duration DEFAULT_HANDLER_TIMEOUT = Duration.ofSeconds(10);

    /** latest | earliest: where a new group starts on a stream that already has entries. */
    public static final String INITIAL_POSITION = "herald.subscribe.initial-position";
    public static final String DEFAULT_INITIAL_POSITION = "latest";

    public static final String DEDUPE_PREFIX = "herald.subscribe.dedupe-prefix";
    public static final String DEFAULT_DEDUPE_PREFIX = "herald:delivered:";

    public static final String DEDUPE_WINDOW = "herald.subscribe.dedupe-window";
    public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofDays(7);

    /**
     * Ordering keys delivered at once. Each running key holds a container thread, and each observer call one more
     * (the handler timeout needs it), so 8 keeps two cores busy with I/O-bound observers without crowding out the
     * default executor's other work (its floor is 16 threads).
     */
    public static final String PARALLELISM = "herald.subscribe.parallelism";
    public static final int DEFAULT_PARALLELISM = 8;

    /** Entries read and not yet acknowledged: ten batches, so a slow key cannot make the consumer read without end. */
    public static final String MAX_IN_FLIGHT = "herald.subscribe.max-in-flight";
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    public SubscriberSettings {
        required(GROUP, group);
        if (EXISTING_CONSUMERS_GROUP.equals(group.strip())) {
            // Two processes in one consumer group split its entries: each would miss what the other read.
            throw new IllegalArgumentException(GROUP + " must not be '" + EXISTING_CONSUMERS_GROUP
                    + "', the existing consumers' group: Herald's subscribers would take entries away from them");
        }
        consumerName = consumerName == null ? Optional.empty() : consumerName.filter(name -> !name.isBlank());
        required(SERVER_NAME, serverName);
        atLeast(BATCH_SIZE, 1, batchSize);
        positive(BLOCK, block);
        positive(CLAIM_IDLE, claimIdle);
        atLeast(MAX_DELIVERIES, 1, maxDeliveries);
        positive(HANDLER_TIMEOUT, handlerTimeout);
        startsAtLatest(initialPosition);
        required(DEDUPE_PREFIX, dedupePrefix);
        positive(DEDUPE_WINDOW, dedupeWindow);
        atLeast(PARALLELISM, 1, parallelism);
        atLeast(MAX_IN_FLIGHT, 1, maxInFlight);
    }

    public static SubscriberSettings defaults() {
        return new SubscriberSettings(DEFAULT_GROUP, Optional.empty(), DEFAULT_SERVER_NAME, DEFAULT_BATCH_SIZE,
                DEFAULT_BLOCK, DEFAULT_CLAIM_IDLE, DEFAULT_MAX_DELIVERIES, DEFAULT_HANDLER_TIMEOUT,
                DEFAULT_INITIAL_POSITION, DEFAULT_DEDUPE_PREFIX, DEFAULT_DEDUPE_WINDOW, DEFAULT_PARALLELISM,
                DEFAULT_MAX_IN_FLIGHT);
    }

    public static SubscriberSettings from(Config config) {
        return new SubscriberSettings(
                config.getOptionalValue(GROUP, String.class).orElse(DEFAULT_GROUP),
                config.getOptionalValue(CONSUMER_NAME, String.class),
                config.getOptionalValue(SERVER_NAME, String.class).orElse(DEFAULT_SERVER_NAME),
                config.getOptionalValue(BATCH_SIZE, Integer.class).orElse(DEFAULT_BATCH_SIZE),
                config.getOptionalValue(BLOCK, Duration.class).orElse(DEFAULT_BLOCK),
                config.getOptionalValue(CLAIM_IDLE, Duration.class).orElse(DEFAULT_CLAIM_IDLE),
                config.getOptionalValue(MAX_DELIVERIES, Integer.class).orElse(DEFAULT_MAX_DELIVERIES),
                config.getOptionalValue(HANDLER_TIMEOUT, Duration.class).orElse(DEFAULT_HANDLER_TIMEOUT),
                config.getOptionalValue(INITIAL_POSITION, String.class).orElse(DEFAULT_INITIAL_POSITION),
                config.getOptionalValue(DEDUPE_PREFIX, String.class).orElse(DEFAULT_DEDUPE_PREFIX),
                config.getOptionalValue(DEDUPE_WINDOW, Duration.class).orElse(DEFAULT_DEDUPE_WINDOW),
                config.getOptionalValue(PARALLELISM, Integer.class).orElse(DEFAULT_PARALLELISM),
                config.getOptionalValue(MAX_IN_FLIGHT, Integer.class).orElse(DEFAULT_MAX_IN_FLIGHT));
    }

    /** How the consumer reads, with this server's consumer name. */
    public ConsumerSettings consumerSettings() {
        return new ConsumerSettings(group, consumer(), batchSize, block, claimIdle, maxDeliveries, handlerTimeout,
                startsAtLatest(initialPosition), parallelism, maxInFlight);
    }

    /** The configured consumer name, else host:server-name, the same across restarts. */
    public String consumer() {
        return consumerName.orElseGet(() -> host() + ":" + serverName);
    }

    private static boolean startsAtLatest(String initialPosition) {
        String position = initialPosition == null ? "" : initialPosition.trim().toLowerCase(Locale.ROOT);
        return switch (position) {
            case "latest" -> true;
            case "earliest" -> false;
            default -> throw new IllegalArgumentException(
                    INITIAL_POSITION + " must be 'latest' or 'earliest', was '" + initialPosition + "'");
        };
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}

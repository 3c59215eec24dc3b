package dev.herald.devservices;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker for development and tests. The journal is persistent, so a broker restart
 * keeps every message that was committed to it; redelivery backs off and ends in a dead-letter queue.
 */
public final class DevBroker implements AutoCloseable {

    public static final String EVENTS_QUEUE = "herald.events";
    public static final String DEAD_LETTER_QUEUE = "herald.dead-letter";

    /* Artemis audits every session and ack at INFO; for a development broker that drowns the build output. */
    private static final java.util.logging.Logger AUDIT = quiet("org.apache.activemq.audit");

    private final Path dataDir;
    private final int port;
    private EmbeddedActiveMQ broker;

    public DevBroker(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public synchronized void start() throws Exception {
        if (broker != null) {
            return;
        }
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration());
        embedded.start();
        broker = embedded;
    }

    Configuration configuration() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("herald-dev-broker")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                // Commits wait for the journal's buffer flush; Artemis' NIO default (3.3 ms) batches syncs for disks
                // slower than this machine's (~1.3 ms fsync) and only adds latency to each single-event transaction.
                .setJournalBufferTimeout_NIO(Integer.getInteger("herald.broker.journalBufferTimeoutNs", 500_000))
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE")
                .addQueueConfiguration(QueueConfiguration.of(EVENTS_QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true))
                .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(Integer.getInteger("herald.broker.maxDeliveryAttempts", 10))
                .setRedeliveryDelay(Long.getLong("herald.broker.redeliveryDelayMs", 500L))
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000L)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        // The dead-letter queue never dead-letters: a message there waits until Herald has recorded it.
        config.addAddressSetting(DEAD_LETTER_QUEUE, new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(5_000L)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        return config;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}

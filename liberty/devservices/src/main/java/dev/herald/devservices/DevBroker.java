package dev.herald.devservices;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker for development and tests. The journal is persistent, so a broker restart
 * keeps every message that was committed to it; redelivery backs off and ends in a dead-letter queue.
 *
 * <p>One broker alone is the default. {@link #primary} and {@link #backup} configure the two halves of a
 * shared-nothing replicated pair instead ({@link DevBrokerPair} runs each in its own process, so that the primary can
 * be killed for real): the primary replicates every journal write to the backup, which becomes active when the
 * primary's connection to it breaks.
 */
public final class DevBroker implements AutoCloseable {

    public static final String EVENTS_QUEUE = "herald.events";
    public static final String DEAD_LETTER_QUEUE = "herald.dead-letter";

    /* Artemis audits every session and ack at INFO; for a development broker that drowns the build output. */
    private static final java.util.logging.Logger AUDIT = quiet("org.apache.activemq.audit");

    /** The cluster connection both halves of a pair share; replication runs over it. */
    static final String CLUSTER = "herald-dev-pair";

    /** Which half of a replicated pair this broker is, and the port of the other half. */
    public enum Role { PRIMARY, BACKUP }

    record Replication(Role role, int peerPort) {
    }

    private final Path dataDir;
    private final int port;
    private final Replication replication;
    private EmbeddedActiveMQ broker;

    public DevBroker(Path dataDir, int port) {
        this(dataDir, port, null);
    }

    private DevBroker(Path dataDir, int port, Replication replication) {
        this.dataDir = dataDir;
        this.port = port;
        this.replication = replication;
    }

    /** The primary of a replicated pair: active from the start, it replicates to the backup at {@code backupPort}. */
    public static DevBroker primary(Path dataDir, int port, int backupPort) {
        return new DevBroker(dataDir, port, new Replication(Role.PRIMARY, backupPort));
    }

    /** The backup of a replicated pair: it copies the primary's journal and becomes active when the primary dies. */
    public static DevBroker backup(Path dataDir, int port, int primaryPort) {
        return new DevBroker(dataDir, port, new Replication(Role.BACKUP, primaryPort));
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
        if (replication != null) {
            replicate(config);
        }
        return config;
    }

    /**
     * Shared-nothing replication between the two halves, over a static cluster connection (no multicast discovery).
     * The backup fails over on its own when the primary's connection breaks: with only two brokers there is no
     * third one to ask in a quorum vote, so a pair like this one does not protect against a network split; production
     * uses a broker team's own setup (docs/operations.md "A primary/backup pair").
     */
    private void replicate(Configuration config) throws Exception {
        config.setName("herald-dev-" + replication.role().name().toLowerCase(java.util.Locale.ROOT))
                .addConnectorConfiguration("self", "tcp://127.0.0.1:" + port)
                .addConnectorConfiguration("peer", "tcp://127.0.0.1:" + replication.peerPort())
                // Cluster traffic authenticates even with security off; a fixed development password silences the
                // broker's warning about the default one.
                .setClusterUser("herald-dev-cluster")
                .setClusterPassword("herald-dev-cluster")
                .addClusterConfiguration(new ClusterConnectionConfiguration()
                        .setName(CLUSTER)
                        .setConnectorName("self")
                        .setStaticConnectors(List.of("peer"))
                        .setMessageLoadBalancingType(MessageLoadBalancingType.OFF)
                        // The backup notices the primary's death by the broken socket at once; these bound how long
                        // a silent (hung) peer takes to be noticed.
                        .setClientFailureCheckPeriod(1_000)
                        .setConnectionTTL(5_000)
                        .setRetryInterval(500));
        if (replication.role() == Role.PRIMARY) {
            config.setHAPolicyConfiguration(new ReplicatedPolicyConfiguration().setClusterName(CLUSTER));
        } else {
            config.setHAPolicyConfiguration(new ReplicaPolicyConfiguration().setClusterName(CLUSTER)
                    // The test kills the primary and does not bring it back; a development pair needs no fail-back.
                    .setAllowFailBack(false));
        }
    }

    /** True once this broker serves clients: at once for a single broker or a primary, after failover for a backup. */
    public synchronized boolean isActive() {
        return broker != null && broker.getActiveMQServer().isActive();
    }

    /** True while the backup holds an up-to-date copy of the primary's journal (asked on either half). */
    public synchronized boolean isReplicaInSync() {
        return broker != null && broker.getActiveMQServer().isReplicaSync();
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

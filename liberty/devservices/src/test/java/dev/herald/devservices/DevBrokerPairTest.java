package dev.herald.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevBrokerPairTest {

    /** How long after the kill a send may still fail; the failover itself takes about 2 s here. */
    static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    /**
     * A client with HA on sends persistent messages one after the other while the primary's JVM
     * is killed with SIGKILL: every send the primary acknowledged was replicated, so the backup has it once it is
     * active; a send that failed during the failover is sent again and lands on the backup.
     */
    @Test
    void everyAcknowledgedSendSurvivesTheSigkillOfThePrimary() throws Exception {
        try (DevBrokerPair pair = new DevBrokerPair(dataDir, DevBrokerTest.freePort(), DevBrokerTest.freePort())) {
            pair.start(Duration.ofMinutes(2));
            List<String> acknowledged = new ArrayList<>();
            int failedSends = 0;
            long killedAt = 0;
            long firstSendAfterKill = 0;
            // The primary only, so that every send before the kill goes to it (a list would let the client start on
            // either broker): the client learns its backup from the primary's topology.
            try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + pair.primaryPort()
                    + "?ha=true&reconnectAttempts=5&retryInterval=1000&callTimeout=30000");
                 JMSContext context = cf.createContext()) {
                Queue queue = context.createQueue(DevBroker.EVENTS_QUEUE);
                for (int i = 0; i < 400; i++) {
                    if (i == 200) {
                        pair.killPrimary();
                        killedAt = System.nanoTime();
                    }
                    String body = "m-" + i;
                    while (true) {
                        try {
                            context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, body);
                            break;
                        } catch (JMSRuntimeException e) {
                            failedSends++;
                            assertTrue(killedAt != 0 && System.nanoTime() - killedAt < FAILOVER_DEADLINE.toNanos(),
                                    "a send failed before the kill, or sends still fail " + FAILOVER_DEADLINE
                                            + " after it: " + e);
                        }
                    }
                    if (killedAt != 0 && firstSendAfterKill == 0) {
                        firstSendAfterKill = System.nanoTime();
                    }
                    acknowledged.add(body);
                }
            }
            pair.awaitBackupActive(Duration.ofSeconds(30));
            System.out.printf("DevBrokerPairTest: first send acknowledged %.0f ms after the SIGKILL; %d failed sends%n",
                    (firstSendAfterKill - killedAt) / 1e6, failedSends);
            List<String> received = new ArrayList<>();
            try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + pair.backupPort());
                 JMSContext context = cf.createContext()) {
                JMSConsumer consumer = context.createConsumer(context.createQueue(DevBroker.EVENTS_QUEUE));
                for (String body = consumer.receiveBody(String.class, 5_000); body != null;
                     body = consumer.receiveBody(String.class, 2_000)) {
                    received.add(body);
                }
            }
            Set<String> missing = new HashSet<>(acknowledged);
            received.forEach(missing::remove);
            assertEquals(Set.of(), missing, "acknowledged sends missing on the backup");
            // A send whose acknowledgement was lost in the failover is sent again: at most one copy per failed send.
            int duplicates = received.size() - new HashSet<>(received).size();
            assertTrue(duplicates <= failedSends, duplicates + " messages twice, more than the " + failedSends
                    + " failed sends");
        }
    }
}

package dev.herald.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsCommittedMessages() throws Exception {
        int port = freePort();
        String body = "kept-" + System.nanoTime();
        try (DevBroker broker = new DevBroker(dataDir, port)) {
            broker.start();
            try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                 JMSContext context = cf.createContext()) {
                Queue queue = context.createQueue(DevBroker.EVENTS_QUEUE);
                context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT).send(queue, body);
            }
        }
        try (DevBroker broker = new DevBroker(dataDir, port)) {
            broker.start();
            try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                 JMSContext context = cf.createContext()) {
                String received = context.createConsumer(context.createQueue(DevBroker.EVENTS_QUEUE))
                        .receiveBody(String.class, 5_000);
                assertNotNull(received, "the message sent before the restart is still in the journal");
                assertEquals(body, received);
            }
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

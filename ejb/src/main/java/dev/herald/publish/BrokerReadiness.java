package dev.herald.publish;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Optional;

/** Whether the broker answers: browsing the events queue needs a round trip to it. */
@ApplicationScoped
public class BrokerReadiness {

    /** The queue it browsed, or why it could not. */
    public record Answer(boolean up, String queue, Optional<String> error) {
    }

    @Resource(lookup = "jms/heraldConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/heraldEvents")
    Queue events;

    public Answer check() {
        try (JMSContext context = connectionFactory.createContext(); QueueBrowser browser = context.createBrowser(events)) {
            browser.getEnumeration().hasMoreElements();
            return new Answer(true, events.getQueueName(), Optional.empty());
        } catch (JMSRuntimeException | JMSException e) {
            return new Answer(false, null, Optional.of(String.valueOf(e.getMessage())));
        }
    }
}

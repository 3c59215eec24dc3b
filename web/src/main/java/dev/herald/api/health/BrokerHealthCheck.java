package dev.herald.api.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker answers: browsing the events queue needs a round trip to it. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Resource(lookup = "jms/heraldConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/heraldEvents")
    Queue events;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext(); QueueBrowser browser = context.createBrowser(events)) {
            browser.getEnumeration().hasMoreElements();
            return HealthCheckResponse.named("broker").up().withData("queue", events.getQueueName()).build();
        } catch (JMSRuntimeException | JMSException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}

package dev.herald.api.health;

import dev.herald.publish.BrokerReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker answers. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Inject
    BrokerReadiness broker;

    @Override
    public HealthCheckResponse call() {
        BrokerReadiness.Answer answer = broker.check();
        return answer.up() ? HealthCheckResponse.named("broker").up().withData("queue", answer.queue()).build()
                : HealthCheckResponse.named("broker").down().withData("error", answer.error().orElse("")).build();
    }
}

package dev.herald.probes.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scale-out stage's subscriber ({@code scaleout/}): writes every invocation, with the node that made it, to a
 * table of the shared database, so that the record outlives a node killed with SIGKILL and a delivery repeated by
 * another node (or by the restarted one) shows as a second row. The stage creates the table and sets
 * {@code herald.probes.scaleout=true} on its servers; anywhere else the subscription is not consumed.
 */
@ApplicationScoped
public class DeliveryLedgerProbe {

    static final String ENABLED_BY = "herald.probes.scaleout";

    @Resource(lookup = "jdbc/herald")
    DataSource database;

    @Inject
    @ConfigProperty(name = "herald.subscribe.server-name", defaultValue = "herald")
    String node;

    void record(@Observes @Subscribe(id = "scaleout-ledger", types = {"TICKET_CREATED", "PROJECT_CREATED"},
            channel = "scaleout", enabledBy = ENABLED_BY) ReceivedEvent event) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO SCALEOUT_DELIVERY"
                     + " (EVENT_ID, EVENT_TYPE, TENANT_ID, NODE, ENTRY_ID, DELIVERED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.eventType());
            insert.setString(3, event.tenantId());
            insert.setString(4, node);
            insert.setString(5, event.entryId());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            // Thrown on: the delivery fails and is retried, as a subscriber's failing write should be.
            throw new IllegalStateException("recording delivery of " + event.id() + " on " + node, e);
        }
    }
}

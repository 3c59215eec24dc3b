package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema is built by the migrations, not by JPA: at start-up the platform's SchemaMigrator applies its own
 * changelog, then the one the reference domain ships as a resource (found at run time through the EAR's shared class
 * loader), each change set once and recorded; a second start applies nothing and starts as well. The database
 * readiness check reports what DATABASECHANGELOG recorded. Every other IT runs on this schema too: the reference
 * domain's tables exist only through its changelog.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

    private static final String DEPLOYMENT = "herald";
    private static final List<String> CHANGE_SETS = List.of(
            "herald::1-tables", "herald::2-constraints-indexes", "herald::3-journal-event-version",
            "herald-reference::1-tables", "herald-reference::2-constraints-indexes");

    private final HeraldClient herald = new HeraldClient();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void bothChangelogsAreAppliedInOrderAndASecondStartAppliesNothing() throws Exception {
        deployer.deploy(DEPLOYMENT);
        try {
            assertEquals(CHANGE_SETS, migrations(), "the platform's change sets first, then the reference domain's");
            // The reference domain's tables are there: a ticket is created through its service.
            HeraldClient.Reply created = HeraldClient.of("migration-check").post("api/tickets", Json.createObjectBuilder()
                    .add("ticketNumber", "M-" + UUID.randomUUID()).add("title", "schema from the migrations").build());
            assertEquals(201, created.status(), created.body());
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
        deployer.deploy(DEPLOYMENT);
        try {
            assertEquals(CHANGE_SETS, migrations(), "nothing applied twice, nothing new");
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private List<String> migrations() throws InterruptedException {
        JsonObject data = Eventually.await("the database readiness check", Duration.ofSeconds(60), () -> {
            try {
                return herald.get("health/ready").json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                        .filter(c -> c.getString("name").equals("database")).findFirst().map(c -> c.getJsonObject("data"))
                        .orElse(null);
            } catch (Exception e) {
                return null;
            }
        });
        return List.of(data.getString("migrations").split(","));
    }
}

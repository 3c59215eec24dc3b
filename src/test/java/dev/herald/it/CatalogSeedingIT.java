package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seeding the system catalog at start-up is idempotent: a restart of the application changes no row. */
@ExtendWith(ArquillianExtension.class)
class CatalogSeedingIT {

    private static final String DEPLOYMENT = "herald";
    private final HeraldClient herald = new HeraldClient();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void secondStartChangesNothing() throws Exception {
        deployer.deploy(DEPLOYMENT);
        try {
            JsonObject first = catalogCheck();
            assertEquals(280, first.getInt("systemEntries"));
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
        deployer.deploy(DEPLOYMENT);
        try {
            JsonObject second = catalogCheck();
            assertEquals(280, second.getInt("systemEntries"));
            assertEquals(0, second.getInt("inserted"));
            assertEquals(0, second.getInt("updated"));
            assertEquals(0, second.getInt("removed"));
            assertEquals(280, second.getInt("unchanged"));
            assertEquals(280, HeraldClient.of("seeding-check").get("api/catalog").json().getInt("total"), "no duplicate rows");
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private JsonObject catalogCheck() throws InterruptedException {
        return Eventually.await("the catalog readiness check", Duration.ofSeconds(60), () -> {
            try {
                return herald.get("health/ready").json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                        .filter(c -> c.getString("name").equals("catalog")).findFirst().map(c -> c.getJsonObject("data"))
                        .orElse(null);
            } catch (Exception e) {
                return null;
            }
        });
    }
}

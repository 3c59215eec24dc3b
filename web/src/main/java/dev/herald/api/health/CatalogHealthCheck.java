package dev.herald.api.health;

import dev.herald.catalog.CatalogSeeder;
import dev.herald.catalog.SeedReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the system catalog is seeded; its data says what the last seeding changed. */
@Readiness
@ApplicationScoped
public class CatalogHealthCheck implements HealthCheck {

    @Inject
    CatalogSeeder seeder;

    @Override
    public HealthCheckResponse call() {
        SeedReport report = seeder.lastReport();
        if (report == null) {
            return HealthCheckResponse.named("catalog").down().build();
        }
        return HealthCheckResponse.named("catalog").up()
                .withData("systemEntries", report.total())
                .withData("inserted", report.inserted())
                .withData("updated", report.updated())
                .withData("removed", report.removed())
                .withData("unchanged", report.unchanged())
                .withData("seededAt", report.at().toString())
                .build();
    }
}

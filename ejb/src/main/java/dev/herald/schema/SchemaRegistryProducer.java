package dev.herald.schema;

import dev.herald.publish.PayloadValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the registry injectable. It is loaded once; the catalog seeder injects it at start-up, so a broken schema
 * fails the application's start rather than the first publish.
 */
@ApplicationScoped
public class SchemaRegistryProducer {

    private final SchemaRegistry registry = SchemaRegistry.loadFromClasspath();

    @Produces
    @Singleton
    SchemaRegistry registry() {
        return registry;
    }

    @Produces
    @Singleton
    PayloadValidator payloadValidator() {
        return new RegistryPayloadValidator(registry);
    }
}

package dev.herald.schema;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;

/** Registries shared by the tests: loading the 280 shipped schemas takes seconds, so it happens once per JVM. */
final class TestRegistries {

    static final String FIXTURES = "dev/herald/schema/";

    private TestRegistries() {
    }

    static SchemaRegistry shipped() {
        return Shipped.REGISTRY;
    }

    static SchemaRegistry fixture(String name) {
        return SchemaRegistry.load(TestRegistries.class.getClassLoader(), FIXTURES + name + "/");
    }

    static JsonObject json(String text) {
        return WireJson.parseObject(text);
    }

    private static final class Shipped {
        static final SchemaRegistry REGISTRY = SchemaRegistry.loadFromClasspath();
    }
}

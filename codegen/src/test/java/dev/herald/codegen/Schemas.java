package dev.herald.codegen;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Small inline schemas for the tests, written with single quotes for readability. */
final class Schemas {

    private Schemas() {
    }

    static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }

    /** The generated source of a v1 payload whose properties are {@code propertiesJson}. */
    static String recordSource(String name, String propertiesJson, String... required) {
        String requiredJson = String.join(",", java.util.Arrays.stream(required).map(r -> "'" + r + "'").toList());
        JsonObject schema = json("{'title':'T','type':'object','required':[" + requiredJson + "],'properties':"
                + propertiesJson + ",'additionalProperties':false}");
        return source(EventRecords.javaFile("SOME_EVENT", SchemaRef.parse("payload." + name + ".v1"), schema));
    }

    /** The source with JavaPoet's line wrapping undone, so that a test can look for a whole signature. */
    static String source(com.palantir.javapoet.JavaFile file) {
        return file.toString().replaceAll("\\s*\\n\\s*", " ");
    }
}

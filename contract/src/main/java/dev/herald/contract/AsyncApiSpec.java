package dev.herald.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official JSON Schema of AsyncAPI 3.0.0 documents (from {@code @asyncapi/specs}, see asyncapi/PROVENANCE.md),
 * checked with networknt's draft-07 validator.
 */
public final class AsyncApiSpec {

    private static final String FILE = "dev/herald/contract/asyncapi/asyncapi-3.0.0-without-id.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile JsonSchema schema;

    private AsyncApiSpec() {
    }

    /** Why the document is not a valid AsyncAPI 3.0.0 document; empty when it is. */
    public static List<String> violations(String documentJson) {
        try {
            return violations(JSON.readTree(documentJson));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    public static List<String> violations(JsonNode document) {
        return schema().validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schema() {
        if (schema == null) {
            try (InputStream in = AsyncApiSpec.class.getClassLoader().getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException("no " + FILE);
                }
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}

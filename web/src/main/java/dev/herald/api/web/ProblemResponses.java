package dev.herald.api.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every operation can give (mp.openapi.filter in META-INF/microprofile-config.properties):
 * each is an application/problem+json body, shown with an example, so the resources' annotations only describe
 * their successes and their own particular errors.
 */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> COMMON = Map.of(
            "400", "{\"type\":\"urn:herald:problem:invalid-parameter\",\"title\":\"Invalid parameter\",\"status\":400,"
                    + "\"detail\":\"query parameter page must be an integer, got 'abc'\",\"instance\":\"/api/catalog\",\"parameter\":\"page\"}",
            "401", "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"a valid bearer token (a MicroProfile JWT) is required\",\"instance\":\"/api/catalog\"}",
            "403", "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"tenantId acme is not the caller's tenant\",\"instance\":\"/api/tickets\"}",
            "413", "{\"type\":\"urn:herald:problem:body-too-large\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"the request body is larger than 1048576 bytes\",\"instance\":\"/api/events\",\"maxBytes\":1048576}",
            "415", "{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,"
                    + "\"detail\":\"Content-Type text/plain is not accepted here; send application/json\",\"instance\":\"/api/events\"}",
            "500", "{\"type\":\"urn:herald:problem:internal-error\",\"title\":\"Internal Server Error\",\"status\":500,"
                    + "\"detail\":\"the request failed on the server; report incident 0b7c...\",\"instance\":\"/api/events\","
                    + "\"incident\":\"0b7c6f0e-2d7a-4a51-9c1e-5d1b2f3a4c5d\"}");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "The request is malformed: a parameter, a body that is not the JSON this operation reads, a body member of the wrong JSON type or range (invalid-body, with issues), a refused value",
            "401", "No valid bearer token (missing, forged or expired)",
            "403", "The token's groups do not allow this operation, or the body names another tenant",
            "413", "The body is larger than herald.api.max-body-bytes",
            "415", "The body is not application/json",
            "500", "An unexpected failure; the detail names an incident id to look for in the server log");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean takesBody = operation.getRequestBody() != null;
        COMMON.forEach((code, example) -> {
            if ((code.equals("413") || code.equals("415")) && !takesBody) {
                return;
            }
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, problem(DESCRIPTIONS.get(code), example));
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static APIResponse problem(String description, String example) {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample("problem", OASFactory.createExample().value(example));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().type(SchemaType.OBJECT)
                .description("RFC 9457 problem details; extension members (issues, eventType, parameter...) as its type says")
                .addProperty("type", typed(SchemaType.STRING).description("urn:herald:problem:<slug>, or about:blank"))
                .addProperty("title", typed(SchemaType.STRING))
                .addProperty("status", typed(SchemaType.INTEGER))
                .addProperty("detail", typed(SchemaType.STRING))
                .addProperty("instance", typed(SchemaType.STRING).description("the request path")));
    }

    private static Schema typed(SchemaType type) {
        return OASFactory.createSchema().type(type);
    }
}

package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server serves describes every JAX-RS path of the web module, each with an example of a
 * request or a success (or a success without a body), declares the bearer JWT scheme and shows every error as a problem+json body.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final Path WEB_SOURCES = Path.of(System.getProperty("herald.web.sources", "../../web/src/main/java"));
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern HTTP_METHOD = Pattern.compile("^\\s*@(GET|POST|PUT|PATCH|DELETE)\\b");

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void everyPathHasAnExampleAndTheBearerSchemeIsDeclared() throws Exception {
        JsonObject document = new HeraldClient().get("openapi?format=JSON").json();
        JsonObject paths = document.getJsonObject("paths");
        Set<String> resources = resourcePaths();
        assertTrue(resources.size() > 40, "found the web module's paths: " + resources);

        List<String> missing = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        for (String path : resources) {
            if (!paths.containsKey(path)) {
                missing.add(path);
            } else if (!hasSuccessOrRequestExample(paths.getJsonObject(path))) {
                withoutExample.add(path);
            }
        }
        assertEquals(List.of(), missing, "paths of the web module absent from /openapi (it has " + paths.keySet() + ")");
        assertEquals(List.of(), withoutExample, "paths without an example of a request or a success");

        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearerJwt");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
        assertEquals("JWT", scheme.getString("bearerFormat"));
        assertTrue(document.getJsonArray("security").stream().anyMatch(s -> s.asJsonObject().containsKey("bearerJwt")),
                "the bearer scheme is required by default: " + document.get("security"));
    }

    @Test
    void everyOperationShowsItsErrorsAsProblems() throws Exception {
        JsonObject paths = new HeraldClient().get("openapi?format=JSON").json().getJsonObject("paths");
        List<String> without = new ArrayList<>();
        paths.forEach((path, item) -> operations(item.asJsonObject()).forEach(operation -> {
            JsonObject unauthorized = operation.getJsonObject("responses").getJsonObject("401");
            if (unauthorized == null || !unauthorized.getJsonObject("content").containsKey("application/problem+json")) {
                without.add(path);
            }
        }));
        assertEquals(List.of(), without, "operations without a problem+json 401");
    }

    private static boolean hasSuccessOrRequestExample(JsonObject pathItem) {
        for (JsonObject operation : operations(pathItem)) {
            JsonObject request = operation.getJsonObject("requestBody");
            if (request != null && hasExample(request.getJsonObject("content"))) {
                return true;
            }
            for (var response : operation.getJsonObject("responses").entrySet()) {
                JsonObject value = response.getValue().asJsonObject();
                // A success without a body (204, a 202 acknowledgement) has nothing to show but its description.
                if (response.getKey().startsWith("2") && (value.containsKey("content") ? hasExample(value.getJsonObject("content"))
                        : value.containsKey("description"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasExample(JsonObject content) {
        return content != null && content.values().stream().map(JsonValue::asJsonObject)
                .anyMatch(media -> media.containsKey("example") || media.containsKey("examples") && !media.getJsonObject("examples").isEmpty());
    }

    private static List<JsonObject> operations(JsonObject pathItem) {
        return Stream.of("get", "post", "put", "patch", "delete").filter(pathItem::containsKey).map(pathItem::getJsonObject).toList();
    }

    /** Every path the web module's resources declare: the class's @Path joined with each resource method's. */
    private static Set<String> resourcePaths() throws IOException {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                String classPath = null;
                boolean httpMethod = false;
                String methodPath = null;
                for (String line : lines) {
                    Matcher path = PATH.matcher(line);
                    if (classPath == null) {
                        if (path.find()) {
                            classPath = path.group(1);
                        }
                        continue;
                    }
                    if (path.find()) {
                        methodPath = path.group(1);
                    }
                    if (HTTP_METHOD.matcher(line).find()) {
                        httpMethod = true;
                    }
                    if (line.matches("\\s*public [^=]*\\(.*") && !line.contains(" class ")) {
                        if (httpMethod) {
                            paths.add(join("/api", classPath, methodPath == null ? "" : methodPath));
                        }
                        httpMethod = false;
                        methodPath = null;
                    }
                }
            }
        }
        return paths;
    }

    private static String join(String... parts) {
        String joined = String.join("/", parts).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}

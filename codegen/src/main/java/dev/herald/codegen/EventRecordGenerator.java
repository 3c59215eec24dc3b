package dev.herald.codegen;

import com.palantir.javapoet.JavaFile;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one record per system catalog entry into {@code <outputDir>/dev/herald/events/types}, made from the
 * entry's payload schema. Usage: {@code EventRecordGenerator <schemaDir> <catalogFile> <outputDir>}.
 */
public final class EventRecordGenerator {

    private EventRecordGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("Usage: EventRecordGenerator <schemaDir> <catalogFile> <outputDir>");
            System.exit(2);
        }
        int written = generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.out.println("herald-event-codegen: " + written + " event records in " + args[2]);
    }

    /** @return the number of records written */
    public static int generate(Path schemaDir, Path catalogFile, Path outputDir) throws IOException {
        Path packageDir = outputDir.resolve(EventRecords.PACKAGE.replace('.', '/'));
        deleteStaleSources(packageDir);
        Set<String> classNames = new HashSet<>();
        JsonArray catalog = read(catalogFile).asJsonArray();
        for (JsonObject entry : catalog.getValuesAs(JsonObject.class)) {
            String eventType = entry.getString("eventType");
            SchemaRef ref = SchemaRef.parse(entry.getString("payloadSchemaRef"));
            if (!classNames.add(ref.className())) {
                throw new IllegalStateException("Two catalog entries share the payload schema " + ref);
            }
            JsonObject schema = read(schemaDir.resolve(ref.fileName())).asJsonObject();
            JavaFile file;
            try {
                file = EventRecords.javaFile(eventType, ref, schema);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot generate the record of " + eventType + " from " + ref, e);
            }
            file.writeTo(outputDir);
        }
        return classNames.size();
    }

    /** A schema removed or renamed must not leave its old record behind to be compiled. */
    private static void deleteStaleSources(Path packageDir) throws IOException {
        if (!Files.isDirectory(packageDir)) {
            return;
        }
        List<Path> sources;
        try (Stream<Path> files = Files.list(packageDir)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            Files.delete(source);
        }
    }

    private static jakarta.json.JsonValue read(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}

package dev.herald.codegen;

import com.palantir.javapoet.JavaFile;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one record per system catalog entry into {@code <outputDir>/dev/herald/events/types}, made from the
 * entry's payload schema, and one per later version of that schema found beside it ({@code payload.TicketCreated.v2.json}
 * gives {@code TicketCreatedV2}; the catalog keeps naming the version the consumers read). Usage: {@code EventRecordGenerator <schemaDir> <catalogFile> <outputDir>}.
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

    /** @return the number of event records, written or already up to date */
    public static int generate(Path schemaDir, Path catalogFile, Path outputDir) throws IOException {
        Path packageDir = outputDir.resolve(EventRecords.PACKAGE.replace('.', '/'));
        Files.createDirectories(packageDir);
        Set<String> classNames = new HashSet<>();
        JsonArray catalog = read(catalogFile).asJsonArray();
        for (JsonObject entry : catalog.getValuesAs(JsonObject.class)) {
            String eventType = entry.getString("eventType");
            SchemaRef ref = SchemaRef.parse(entry.getString("payloadSchemaRef"));
            if (!classNames.add(ref.className())) {
                throw new IllegalStateException("Two catalog entries share the payload schema " + ref);
            }
            generate(schemaDir, packageDir, eventType, ref);
            // Later versions of the type (payload.<Name>.v2.json, ...) get a record each, named <Name>V2, ...
            for (SchemaRef later = ref.next(); Files.exists(schemaDir.resolve(later.fileName())); later = later.next()) {
                if (!classNames.add(later.className())) {
                    throw new IllegalStateException("Two catalog entries share the payload schema " + later);
                }
                generate(schemaDir, packageDir, eventType, later);
            }
        }
        deleteStaleSources(packageDir, classNames);
        return classNames.size();
    }

    private static void generate(Path schemaDir, Path packageDir, String eventType, SchemaRef ref) throws IOException {
        JsonObject schema = read(schemaDir.resolve(ref.fileName())).asJsonObject();
        JavaFile file;
        try {
            file = EventRecords.javaFile(eventType, ref, schema);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot generate the record of " + eventType + " from " + ref, e);
        }
        writeIfChanged(packageDir.resolve(ref.className() + ".java"), file.toString());
    }

    /**
     * An unchanged source keeps its timestamp, so that the compiler plugin's stale-source check does not recompile
     * all of herald-api on every build (rewriting the 280 files made an incremental compile about 6 s slower).
     */
    private static void writeIfChanged(Path target, String source) throws IOException {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Files.write(target, bytes);
    }

    /** A schema removed or renamed must not leave its old record behind to be compiled. */
    private static void deleteStaleSources(Path packageDir, Set<String> classNames) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(packageDir)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .filter(f -> !classNames.contains(f.getFileName().toString().replaceFirst("\\.java$", "")))
                    .toList();
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

package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.kernel.WireJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payload convention 7: once a schema version is published, producers and consumers rely on what it accepts.
 * The published texts are frozen under test resources dev/herald/schema/published/; the shipped schema of the
 * same ref may only change in ways that accept at least what the frozen text accepted.
 *
 * <p>The one exception is a correction: a published text that accepted what it never should have (on 2026-12-07,
 * payloads the consumers' contract refuses and the consumers drop) is fixed in place, its frozen copy replaced by
 * the corrected text, and the fix recorded with its reason in published/CORRECTIONS.tsv.
 */
class PublishedSchemasFrozenTest {

    private static final String PUBLISHED = TestRegistries.FIXTURES + "published";

    private static final String CORRECTIONS = "CORRECTIONS.tsv";

    private static Map<String, JsonObject> frozen;
    private static List<String> corrections;

    @BeforeAll
    static void readFrozenSchemas() throws IOException, URISyntaxException {
        Path directory = Path.of(PublishedSchemasFrozenTest.class.getClassLoader().getResource(PUBLISHED).toURI());
        frozen = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                frozen.put(name.substring(0, name.length() - ".json".length()),
                        WireJson.parseObject(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        corrections = Files.readAllLines(directory.resolve(CORRECTIONS), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    @Test
    void everyRecordedCorrectionNamesAFrozenRefAndGivesItsReason() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : corrections) {
            String[] columns = line.split("\t");
            if (columns.length != 3 || columns[2].isBlank()) {
                problems.add("not 'ref<TAB>event type<TAB>reason': " + line);
            } else if (!frozen.containsKey(columns[0])) {
                problems.add(columns[0] + " is recorded as corrected but has no frozen copy");
            } else if (!seen.add(columns[0])) {
                problems.add(columns[0] + " is recorded twice");
            }
        }
        assertTrue(problems.isEmpty(), PUBLISHED + "/" + CORRECTIONS + ":\n  " + String.join("\n  ", problems));
    }

    @Test
    void publishedSchemasOnlyChangeInWaysThatKeepAcceptingWhatTheyAcceptedAndEveryShippedVersionIsFrozen() {
        List<String> problems = CompatibilityGuard.versionProblems(frozen, TestRegistries.shipped().all());
        assertTrue(problems.isEmpty(), "Put an edited published schema back and add the change as a new version"
                + " instead (e.g. payload.<Name>.v2.json, listed in payload/index.txt, with an Upcaster from v1); copy"
                + " a new version into ejb/src/test/resources/" + PUBLISHED + " once it ships, so that later edits are"
                + " checked:\n  " + String.join("\n  ", problems));
    }

    @Test
    void ticketCreatedV2IsANewSchemaThatBreaksV1AsANewVersionMay() {
        SchemaRegistry registry = TestRegistries.shipped();
        List<String> breaking = CompatibilityGuard.breakingChanges(registry.schema("payload.TicketCreated.v1").orElseThrow().document(),
                registry.schema("payload.TicketCreated.v2").orElseThrow().document());
        assertTrue(breaking.contains("/: new required field 'openedVia'"), breaking.toString());
        assertTrue(frozen.containsKey("payload.TicketCreated.v2"), "v2 is shipped, so it is frozen too");
    }
}

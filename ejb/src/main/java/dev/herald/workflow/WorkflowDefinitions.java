package dev.herald.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow definitions read from the class path: {@code dev/herald/workflows/index.txt} lists one JSON file
 * per line ({@code #} starts a comment). Loading stops at the first broken file, naming it, so a bad definition
 * fails the deployment instead of the first event. Executions pin a (name, version), so every version stays
 * available; a new execution takes the highest one.
 */
public final class WorkflowDefinitions {

    public static final String CLASSPATH_BASE = "dev/herald/workflows/";

    private final Map<String, Map<Integer, WorkflowDefinition>> byName;

    private WorkflowDefinitions(Map<String, Map<Integer, WorkflowDefinition>> byName) {
        this.byName = byName;
    }

    public static WorkflowDefinitions of(List<WorkflowDefinition> definitions) {
        Map<String, Map<Integer, WorkflowDefinition>> byName = new LinkedHashMap<>();
        for (WorkflowDefinition definition : definitions) {
            if (byName.computeIfAbsent(definition.name(), name -> new LinkedHashMap<>()).putIfAbsent(definition.version(), definition) != null) {
                throw new IllegalArgumentException(definition + " is defined twice");
            }
        }
        return new WorkflowDefinitions(byName);
    }

    public static WorkflowDefinitions loadFromClasspath() {
        return load(WorkflowDefinitions.class.getClassLoader(), CLASSPATH_BASE);
    }

    public static WorkflowDefinitions load(ClassLoader loader, String base) {
        String index = base + "index.txt";
        List<WorkflowDefinition> definitions = new ArrayList<>();
        String[] lines = read(loader, index).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String file = lines[i].strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            WorkflowDefinition definition = WorkflowDefinitionParser.parse(base + file, read(loader, base + file));
            if (definitions.stream().anyMatch(d -> d.name().equals(definition.name()) && d.version() == definition.version())) {
                throw new WorkflowDefinitionException(index, "line " + (i + 1) + ": " + file + " defines " + definition
                        + ", which an earlier file already defines");
            }
            definitions.add(definition);
        }
        return of(definitions);
    }

    public Optional<WorkflowDefinition> find(String name, int version) {
        return Optional.ofNullable(byName.getOrDefault(name, Map.of()).get(version));
    }

    /** The definition an existing execution pinned; its absence means a deployment dropped a version still in use. */
    public WorkflowDefinition get(String name, int version) {
        return find(name, version).orElseThrow(() -> new IllegalStateException("workflow " + name + " v" + version
                + " is not deployed; deployed are " + all()));
    }

    public Optional<WorkflowDefinition> latest(String name) {
        return byName.getOrDefault(name, Map.of()).values().stream().max(Comparator.comparingInt(WorkflowDefinition::version));
    }

    /** The highest version of every workflow: the ones a trigger starts. */
    public List<WorkflowDefinition> newest() {
        return byName.keySet().stream().map(name -> latest(name).orElseThrow()).toList();
    }

    public List<WorkflowDefinition> all() {
        return byName.values().stream().flatMap(versions -> versions.values().stream()).toList();
    }

    private static String read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new WorkflowDefinitionException(path, "not found on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}

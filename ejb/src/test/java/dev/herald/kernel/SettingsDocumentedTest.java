package dev.herald.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.herald.auth.AuthSettings;
import dev.herald.operations.OperationsSettings;
import dev.herald.publish.PublishSettings;
import dev.herald.redis.RedisSettings;
import dev.herald.retention.RetentionSettings;
import dev.herald.subscribe.SubscriberSettings;
import dev.herald.tail.TailSettings;
import dev.herald.versions.WireVersions;
import dev.herald.workflow.WorkflowSettings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code herald.*} property a feature's settings record defines is in docs/operations.md's settings table,
 * with the record's default (or, for the few that server.xml still sets from a Liberty variable, server.xml's).
 * A record's property is a public {@code String} constant whose value starts with {@code herald.}; its default is the
 * constant named {@code DEFAULT_} + the same name (none: the property has no default and the docs say so).
 */
class SettingsDocumentedTest {

    static final List<Class<?>> RECORDS = List.of(PublishSettings.class, RedisSettings.class, RetentionSettings.class,
            SubscriberSettings.class, WorkflowSettings.class, TailSettings.class, AuthSettings.class,
            OperationsSettings.class, WireVersions.class, dev.herald.relay.RelaySettings.class);

    private static final Path OPERATIONS = Path.of("../docs/operations.md");
    private static final Path SERVER_XML = Path.of("../liberty/config/server.xml");
    private static final Set<String> NO_VALUE = Set.of("empty", "blank", "(none)", "none");

    @Test
    void operationsDocumentsEveryPropertyWithItsDefault() throws IOException {
        Map<String, String> documented = documentedDefaults(Files.readString(OPERATIONS));
        Map<String, String> serverXml = serverXmlDefaults(Files.readString(SERVER_XML));
        List<String> problems = new ArrayList<>();
        for (Class<?> record : RECORDS) {
            properties(record).forEach((property, fallback) -> {
                String cell = documented.get(property);
                if (cell == null) {
                    problems.add(property + " (" + record.getSimpleName() + ") is not in docs/operations.md");
                } else if (!sameDefault(cell, fallback) && !cell.equals(serverXml.get(property))) {
                    problems.add(property + ": docs/operations.md says '" + cell + "', " + record.getSimpleName()
                            + " says " + (fallback == null ? "no default" : "'" + fallback + "'")
                            + (serverXml.containsKey(property) ? ", server.xml '" + serverXml.get(property) + "'" : ""));
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void recordsReadTheirDefaultsFromAnEmptyConfig() throws ReflectiveOperationException {
        for (Class<?> record : RECORDS) {
            Object defaults = record.getMethod("defaults").invoke(null);
            Method from = record.getMethod("from", org.eclipse.microprofile.config.Config.class);
            assertEquals(defaults, from.invoke(null, MapConfig.of(Map.of())), record.getSimpleName());
        }
    }

    @Test
    void aBadValueFailsNamingItsProperty() {
        IllegalArgumentException workers = assertThrows(IllegalArgumentException.class,
                () -> WorkflowSettings.from(MapConfig.of(Map.of(WorkflowSettings.WORKERS, "0"))));
        assertTrue(workers.getMessage().contains(WorkflowSettings.WORKERS), workers.getMessage());
        IllegalArgumentException deliveries = assertThrows(IllegalArgumentException.class,
                () -> SubscriberSettings.from(MapConfig.of(Map.of(SubscriberSettings.MAX_DELIVERIES, "-1"))));
        assertTrue(deliveries.getMessage().contains(SubscriberSettings.MAX_DELIVERIES), deliveries.getMessage());
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> SubscriberSettings.from(MapConfig.of(Map.of(SubscriberSettings.GROUP, "event-processors"))));
        assertTrue(group.getMessage().contains(SubscriberSettings.GROUP), group.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> PublishSettings.from(MapConfig.of(Map.of(PublishSettings.MAX_CHANNELS, "0"))));
        assertTrue(channels.getMessage().contains(PublishSettings.MAX_CHANNELS), channels.getMessage());
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> RedisSettings.from(MapConfig.of(Map.of(RedisSettings.POOL_SIZE, "0"))));
        assertTrue(pool.getMessage().contains(RedisSettings.POOL_SIZE), pool.getMessage());
        IllegalArgumentException queue = assertThrows(IllegalArgumentException.class,
                () -> TailSettings.from(MapConfig.of(Map.of(TailSettings.QUEUE_SIZE, "0"))));
        assertTrue(queue.getMessage().contains(TailSettings.QUEUE_SIZE), queue.getMessage());
    }

    @Test
    void configuredValuesWin() {
        WorkflowSettings workflow = WorkflowSettings.from(MapConfig.of(Map.of(WorkflowSettings.CLAIM_TIMEOUT, "PT3S",
                WorkflowSettings.WORKERS, "4")));
        assertEquals(Duration.ofSeconds(3), workflow.claimTimeout());
        assertEquals(4, workflow.workers());
        assertEquals(WorkflowSettings.DEFAULT_RETRY_DELAY, workflow.retryDelay());
        RetentionSettings retention = RetentionSettings.from(MapConfig.of(Map.of(RetentionSettings.MAX_LENGTH, "1000",
                RetentionSettings.CHANNELS, "retention-it")));
        assertTrue(retention.policy().trims());
        assertEquals(Set.of("retention-it"), retention.scope().channels().orElseThrow());
    }

    /** The record's properties, each with its default's text (null when it has none), in declaration order. */
    static Map<String, Object> properties(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field field : record.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers) || field.getType() != String.class) {
                continue;
            }
            try {
                String value = (String) field.get(null);
                if (value.startsWith("herald.")) {
                    Object fallback = null;
                    try {
                        fallback = record.getField("DEFAULT_" + field.getName()).get(null);
                    } catch (NoSuchFieldException none) {
                        // no default
                    }
                    properties.put(value, fallback);
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return properties;
    }

    /** Whether a table cell states the default: a duration or number by value, a text as written, none as empty. */
    static boolean sameDefault(String cell, Object fallback) {
        if (fallback == null || "".equals(fallback)) {
            return NO_VALUE.contains(cell.toLowerCase());
        }
        try {
            if (fallback instanceof Duration duration) {
                return Duration.parse(cell).equals(duration);
            }
            if (fallback instanceof Integer number) {
                return Integer.parseInt(cell) == number;
            }
            if (fallback instanceof Long number) {
                return Long.parseLong(cell) == number;
            }
        } catch (RuntimeException unparsable) {
            return false;
        }
        return cell.equals(String.valueOf(fallback));
    }

    /**
     * The default column of every table row of the markdown, by property: a row names one or more properties in
     * backquotes in its first cell, and as many defaults, separated by commas, in its second (or one for all).
     */
    static Map<String, String> documentedDefaults(String markdown) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Pattern name = Pattern.compile("`([a-z][a-z0-9.-]*)`");
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Matcher m = name.matcher(cells[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
            if (names.isEmpty()) {
                continue; // a row of another table, such as the metrics' names
            }
            String[] values = names.size() == 1 ? new String[] {cells[2]} : cells[2].split(",");
            if (values.length != names.size() && values.length != 1) {
                fail("docs/operations.md: " + names + " with " + values.length + " defaults: " + line);
            }
            for (int i = 0; i < names.size(); i++) {
                // One default for several properties ("broker.user, broker.password | empty") is each one's.
                defaults.put(names.get(i), values[values.length == 1 ? 0 : i].strip().replace("`", ""));
            }
        }
        return defaults;
    }

    /** The defaultValue of every {@code <variable>} server.xml declares. */
    static Map<String, String> serverXmlDefaults(String xml) {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<variable name=\"([^\"]+)\" defaultValue=\"([^\"]*)\"").matcher(xml);
        while (m.find()) {
            defaults.put(m.group(1), m.group(2));
        }
        return defaults;
    }
}

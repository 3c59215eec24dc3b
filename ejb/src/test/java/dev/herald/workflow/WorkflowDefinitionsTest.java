package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionsTest {

    private static final String V1 = """
            { "name": "w", "version": 1, "initialState": "a", "states": { "a": "WAITING", "b": "COMPLETED" },
              "transitions": [ { "from": "a", "onEvent": "GO", "to": "b" } ] }
            """;

    @Test
    void shippedDefinitionsLoadFromTheClasspath() {
        WorkflowDefinitions shipped = WorkflowDefinitions.loadFromClasspath();
        WorkflowDefinition lifecycle = shipped.get("ticket-lifecycle", 1);
        assertEquals("open", lifecycle.initialState());
        assertEquals(List.of(new Trigger("TICKET_CREATED", null, PayloadFilter.NONE, "ticketId")), lifecycle.triggers());
        assertTrue(lifecycle.awaitedEvents().containsAll(List.of("TICKET_ASSIGNED", "TICKET_CLOSED")));
        assertEquals(ExecutionStatus.COMPLETED, lifecycle.statusOf("closed"));
        assertEquals("approvalRequestId", shipped.get("ticket-approval", 1).triggers().get(0).correlationField());
    }

    @Test
    void newExecutionsTakeTheHighestVersionAndOldOnesStayAvailable() {
        WorkflowDefinitions definitions = load(Map.of("index.txt", "# comment\nw1.json\n\nw2.json\n",
                "w1.json", V1, "w2.json", V1.replace("\"version\": 1", "\"version\": 2")));
        assertEquals(2, definitions.latest("w").orElseThrow().version());
        assertEquals(1, definitions.get("w", 1).version());
        assertEquals(Optional.empty(), definitions.latest("nope"));
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> definitions.get("w", 3));
        assertTrue(gone.getMessage().startsWith("workflow w v3 is not deployed"), gone.getMessage());
    }

    @Test
    void aFileListedButMissingIsNamed() {
        WorkflowDefinitionException e = assertThrows(WorkflowDefinitionException.class,
                () -> load(Map.of("index.txt", "w1.json\nw9.json\n", "w1.json", V1)));
        assertEquals("base/w9.json: not found on the class path", e.getMessage());
    }

    @Test
    void aBrokenFileIsNamed() {
        WorkflowDefinitionException e = assertThrows(WorkflowDefinitionException.class,
                () -> load(Map.of("index.txt", "w1.json\n", "w1.json", V1.replace("\"to\": \"b\"", "\"to\": \"c\""))));
        assertTrue(e.getMessage().startsWith("base/w1.json: transitions[0]"), e.getMessage());
    }

    @Test
    void theSameNameAndVersionTwiceIsRefused() {
        WorkflowDefinitionException e = assertThrows(WorkflowDefinitionException.class,
                () -> load(Map.of("index.txt", "w1.json\ncopy.json\n", "w1.json", V1, "copy.json", V1)));
        assertEquals("base/index.txt: line 2: copy.json defines w v1, which an earlier file already defines", e.getMessage());
    }

    /** Serves the given files under {@code base/}, as if they were on the class path. */
    private static WorkflowDefinitions load(Map<String, String> files) {
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String text = name.startsWith("base/") ? files.get(name.substring(5)) : null;
                return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return WorkflowDefinitions.load(loader, "base/");
    }
}

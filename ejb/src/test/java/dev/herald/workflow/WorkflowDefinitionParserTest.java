package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionParserTest {

    private static final String VALID = """
            { "name": "door", "version": 2, "initialState": "shut",
              "states": { "shut": "WAITING", "ajar": "running", "gone": "COMPLETED" },
              "transitions": [
                { "from": "shut", "onEvent": "PUSH", "to": "ajar", "guard": { "force": [1, 2], "who": "me" },
                  "merge": { "mode": "REPLACE", "fields": ["force"] } },
                { "from": "ajar", "onEvent": "LEAVE", "to": "gone", "merge": "NONE" },
                { "from": "ajar", "onEvent": "PULL", "to": "shut" } ],
              "triggers": [ { "eventType": "DOOR_BUILT", "tenant": "acme", "filter": { "kind": ["oak"] },
                              "correlationField": "doorId" } ] }
            """;

    @Test
    void readsEveryPartOfADefinition() {
        WorkflowDefinition door = WorkflowDefinitionParser.parse("door.json", VALID);
        assertEquals("door", door.name());
        assertEquals(2, door.version());
        assertEquals("shut", door.initialState());
        assertEquals(Map.of("shut", ExecutionStatus.WAITING, "ajar", ExecutionStatus.RUNNING, "gone", ExecutionStatus.COMPLETED), door.states());
        Transition push = door.transitions().get(0);
        assertEquals("shut --PUSH [force in [1, 2], who in [\"me\"]]--> ajar", push.toString());
        assertEquals(new MergeRule(MergeRule.Mode.REPLACE, List.of("force")), push.merge());
        assertEquals(MergeRule.KEEP_DATA, door.transitions().get(1).merge());
        assertEquals(MergeRule.MERGE_ALL, door.transitions().get(2).merge());
        Trigger trigger = door.triggers().get(0);
        assertEquals("DOOR_BUILT", trigger.eventType());
        assertEquals("acme", trigger.tenant());
        assertEquals("doorId", trigger.correlationField());
        assertTrue(trigger.filter().matches(dev.herald.kernel.WireJson.parseObject("{\"kind\":\"oak\"}")));
    }

    @Test
    void triggersTenantFilterAndCorrelationAreOptional() {
        WorkflowDefinition definition = WorkflowDefinitionParser.parse("t.json", """
                { "name": "t", "version": 1, "initialState": "a", "states": { "a": "WAITING", "b": "COMPLETED" },
                  "transitions": [ { "from": "a", "onEvent": "GO", "to": "b" } ],
                  "triggers": [ { "eventType": "X" } ] }
                """);
        Trigger trigger = definition.triggers().get(0);
        assertNull(trigger.tenant());
        assertNull(trigger.correlationField());
        assertTrue(trigger.filter().isEmpty());
        WorkflowDefinition untriggered = WorkflowDefinitionParser.parse("u.json", """
                { "name": "u", "version": 1, "initialState": "a", "states": { "a": "RUNNING", "b": "COMPLETED" },
                  "transitions": [ { "from": "a", "onEvent": "GO", "to": "b" } ] }
                """);
        assertEquals(List.of(), untriggered.triggers());
    }

    @Test
    void unknownTargetStateIsRefusedNamingTheFileAndTheTransition() {
        String message = refused(VALID.replace("\"to\": \"gone\"", "\"to\": \"gnoe\""));
        assertTrue(message.startsWith("door.json: transitions[1] (ajar --LEAVE--> gnoe): unknown state 'gnoe'; states are [shut, ajar, gone]"), message);
    }

    @Test
    void unknownSourceStateIsRefused() {
        String message = refused(VALID.replace("\"from\": \"ajar\", \"onEvent\": \"PULL\"", "\"from\": \"open\", \"onEvent\": \"PULL\""));
        assertTrue(message.contains("unknown state 'open'"), message);
    }

    @Test
    void duplicateTransitionIsRefused() {
        String message = refused(VALID.replace("{ \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"shut\" }",
                "{ \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"shut\" }, { \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"gone\" }"));
        assertTrue(message.contains("transitions[3] (ajar --PULL--> gone) duplicates transitions[2] (ajar --PULL--> shut)"), message);
    }

    @Test
    void sameEventWithDifferentGuardsIsAllowedButAnUnguardedOneShadowsLaterOnes() {
        String twoGuards = VALID.replace("{ \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"shut\" }",
                "{ \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"shut\", \"guard\": { \"x\": 1 } },"
                        + " { \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"gone\", \"guard\": { \"x\": 2 } }");
        assertEquals(4, WorkflowDefinitionParser.parse("door.json", twoGuards).transitions().size());
        String shadowed = VALID.replace("{ \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"shut\" }",
                "{ \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"shut\" },"
                        + " { \"from\": \"ajar\", \"onEvent\": \"PULL\", \"to\": \"gone\", \"guard\": { \"x\": 2 } }");
        assertTrue(refused(shadowed).contains("could never fire"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertTrue(refused(VALID.replace("\"name\": \"door\",", "")).endsWith("the definition is missing \"name\""));
        assertTrue(refused(VALID.replace("\"version\": 2,", "")).endsWith("the definition is missing \"version\""));
        assertTrue(refused(VALID.replace("\"version\": 2,", "\"version\": \"2\",")).contains("\"version\" must be an integer"));
        assertTrue(refused(VALID.replace("\"onEvent\": \"LEAVE\",", "")).contains("transitions[1] is missing \"onEvent\""));
        assertTrue(refused(VALID.replace("\"eventType\": \"DOOR_BUILT\",", "")).contains("triggers[0] is missing \"eventType\""));
        assertTrue(refused("{ \"name\": \"x\", \"version\": 1, \"initialState\": \"a\", \"states\": { \"a\": \"COMPLETED\" } }")
                .endsWith("the definition is missing \"transitions\""));
    }

    @Test
    void initialStateMustBeDeclared() {
        assertTrue(refused(VALID.replace("\"initialState\": \"shut\"", "\"initialState\": \"closed\""))
                .contains("initialState 'closed' is not a declared state"));
    }

    @Test
    void deadEndMustBeCompletedAndCompletedMustBeADeadEnd() {
        assertTrue(refused(VALID.replace("\"gone\": \"COMPLETED\"", "\"gone\": \"WAITING\""))
                .contains("state 'gone' is WAITING but no transition leaves it"));
        assertTrue(refused(VALID.replace("\"shut\": \"WAITING\"", "\"shut\": \"COMPLETED\""))
                .contains("'shut' is COMPLETED, nothing may leave it"));
    }

    @Test
    void unreachableStateIsRefused() {
        String message = refused(VALID.replace("\"gone\": \"COMPLETED\"", "\"gone\": \"COMPLETED\", \"attic\": \"COMPLETED\""));
        assertTrue(message.contains("states [attic] cannot be reached from 'shut'"), message);
    }

    @Test
    void misspeltKeysAreRefusedRatherThanIgnored() {
        assertTrue(refused(VALID.replace("\"guard\"", "\"gaurd\"")).contains("transitions[0] has unknown keys [gaurd]"));
        assertTrue(refused(VALID.replace("\"initialState\"", "\"initial\"")).contains("unknown keys [initial]"));
    }

    @Test
    void badValuesAreRefused() {
        assertTrue(refused(VALID.replace("\"running\"", "\"SLEEPING\"")).contains("states/ajar must be one of [RUNNING, WAITING, COMPLETED]"));
        assertTrue(refused(VALID.replace("\"merge\": \"NONE\"", "\"merge\": \"SUM\"")).contains("must be one of [MERGE, REPLACE, NONE]"));
        assertTrue(refused(VALID.replace("\"merge\": \"NONE\"", "\"merge\": { \"fields\": [\"a\"] }")).contains("merge needs a mode"));
        assertTrue(refused(VALID.replace("\"merge\": \"NONE\"", "\"merge\": { \"mode\": \"NONE\", \"fields\": [\"a\"] }"))
                .contains("merge mode NONE takes no fields"));
        assertTrue(refused(VALID.replace("\"who\": \"me\"", "\"who\": { \"is\": \"me\" }")).contains("only strings, numbers and booleans"));
        assertTrue(refused(VALID.replace("\"who\": \"me\"", "\"who\": []")).contains("field 'who' lists no allowed values"));
    }

    @Test
    void invalidJsonNamesTheSource() {
        assertTrue(refused("{ \"name\": ").startsWith("door.json: is not valid JSON"));
        assertTrue(refused("[]").startsWith("door.json: a workflow definition must be a JSON object, found ARRAY"));
    }

    @Test
    void eventVersionsNameThePayloadVersionTheDefinitionReadsAndDefaultTo1() {
        WorkflowDefinition intake = WorkflowDefinitionParser.parse("intake.json", """
                { "name": "intake", "version": 1, "initialState": "a", "states": { "a": "WAITING", "b": "COMPLETED" },
                  "transitions": [ { "from": "a", "onEvent": "TICKET_CREATED", "to": "b" } ],
                  "eventVersions": { "TICKET_CREATED": 2 } }
                """);
        assertEquals(2, intake.versionOf("TICKET_CREATED"));
        assertEquals(1, intake.versionOf("TICKET_CLOSED"));
        assertEquals(1, WorkflowDefinitionParser.parse("door.json", VALID).versionOf("PUSH"));
        assertTrue(refused(VALID.replace("\"triggers\"", "\"eventVersions\": { \"PUSH\": 0 }, \"triggers\""))
                .contains("eventVersions/PUSH must be a version, 1 or more, found 0"));
    }

    private static String refused(String json) {
        return assertThrows(WorkflowDefinitionException.class, () -> WorkflowDefinitionParser.parse("door.json", json)).getMessage();
    }
}

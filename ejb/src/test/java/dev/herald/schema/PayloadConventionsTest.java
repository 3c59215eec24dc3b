package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The payload conventions (rules 1, 2, 4, 5 and 8 of the team's payload-conventions spec) over every shipped schema. A schema that
 * breaks a rule is either fixed or listed below by name with its reason; a listed exception that is no longer
 * needed fails the test too, so the lists stay true.
 *
 * <p>A "shape" is what a rule looks at: the schema itself, or, for the 15 current/legacy schemas, each of its
 * two definitions ({@code Name} for the current one, {@code Name#legacy} for the legacy one).
 */
class PayloadConventionsTest {

    /** The 15 types whose older payload shape is still accepted (event-types.tsv, column legacy_shape). */
    private static final Set<String> LEGACY_SHAPES = Set.of("ContractCreated", "ContractStatusChanged",
            "ContractUpdated", "InboundEmailReceived", "InvoiceFinalized", "InvoiceGenerated", "ProjectCreated",
            "ProjectTaskAssigned", "ProjectUpdated", "TicketAssigned", "TicketAutoCloseWarning", "TicketClosed",
            "TicketCreated", "TicketResponseStateChanged", "TicketUpdated");

    /** The 17 INVENTORY_* types, published with {@code tenant} and snake_case keys (payload/INVENTORY-RENAMES.md). */
    private static final Set<String> INVENTORY_SHAPES = Set.of("InventoryCountApproved", "InventoryCountSubmitted",
            "InventoryPoReceived", "InventoryPurchaseOrderCreated", "InventoryPurchaseOrderDeleted",
            "InventoryPurchaseOrderUpdated", "InventoryRmaCreated", "InventorySalesOrderCreated",
            "InventorySalesOrderDeleted", "InventorySalesOrderUpdated", "InventorySoFulfilled", "InventoryStockLow",
            "InventoryStockUnitCreated", "InventoryStockUnitDeleted", "InventoryStockUnitUpdated",
            "InventoryTransferDispatched", "InventoryTransferReceived");

    private static final String INVENTORY_REASON = "the consumers accept only the published INVENTORY_* shape:"
            + " `tenant` and snake_case keys, tenantId only allowed beside it (INVENTORY-RENAMES.md)";

    /** Rule 2: the source table lists these types without occurredAt (the legacy definitions come on top). */
    private static final Set<String> WITHOUT_OCCURRED_AT = Set.of(
            "AccountingExportCompleted", "AccountingExportFailed", "AppointmentRequestApproved",
            "AppointmentRequestCancelled", "AppointmentRequestCreated", "AppointmentRequestDeclined", "AssetDeleted",
            "BoardCreated", "BoardDeleted", "BoardUpdated", "CalendarConflictDetected", "CalendarSyncCompleted",
            "CalendarSyncFailed", "CalendarSyncStarted", "CategoryCreated", "CategoryDeleted", "CategoryUpdated",
            "ClientContractCreated", "ClientContractDeleted", "ClientContractUpdated", "ContractDeleted",
            "CustomEvent", "InteractionCreated", "InteractionDeleted", "InteractionUpdated",
            "InvoiceAnnotationCreated", "InvoiceAnnotationDeleted", "InvoiceAnnotationUpdated", "InvoiceCreated",
            "InvoiceDeleted", "InvoiceItemCreated", "InvoiceItemDeleted", "InvoiceItemUpdated", "InvoiceUpdated",
            "MessageSent", "ProjectAssigned", "ProjectBillingConfigCreated", "ProjectBillingConfigDeleted",
            "ProjectBillingConfigUpdated", "ProjectBillingPaymentStatusChanged",
            "ProjectBillingScheduleEntryCreated", "ProjectBillingScheduleEntryDeleted",
            "ProjectBillingScheduleEntryUpdated", "ProjectBillingScheduleStatusChanged", "ProjectBudgetExceeded",
            "ProjectBudgetThresholdReached", "ProjectClosed", "ProjectDeleted", "ProjectMilestoneReady",
            "ProjectPhaseCreated", "ProjectPhaseDeleted", "ProjectPhaseUpdated",
            "ProjectTaskAdditionalAgentAssigned", "ProjectTaskCommentCreated", "ProjectTaskCommentDeleted",
            "ProjectTaskCommentUpdated", "ProjectTaskDeleted", "ProjectTaskUpdated", "RmmAlertResolved",
            "RmmAlertTriggered", "RmmDeviceCreated", "RmmDeviceDeleted", "RmmDeviceOffline", "RmmDeviceOnline",
            "RmmDeviceUpdated", "RmmSyncCompleted", "RmmSyncFailed", "RmmSyncStarted", "RmmWebhookReceived",
            "ScheduleEntryCreated", "ScheduleEntryDeleted", "ScheduleEntryUpdated", "ServiceCatalogCreated",
            "ServiceCatalogDeleted", "ServiceCatalogUpdated", "ServiceRequestDefinitionCreated",
            "ServiceRequestDefinitionDeleted", "ServiceRequestDefinitionUpdated", "ServiceRequestSubmissionCreated",
            "ServiceRequestSubmissionDeleted", "ServiceRequestSubmissionUpdated", "StatusCreated", "StatusDeleted",
            "StatusUpdated", "SurveyInvitationSent", "SurveyNegativeResponse", "SurveyResponseSubmitted",
            "TagDefinitionDeleted", "TaskCommentAdded", "TaskCommentUpdated", "TicketAdditionalAgentAssigned",
            "TicketCommentAdded", "TicketCommentDeleted", "TicketCommentUpdated", "TicketDeleted",
            "TimeEntryApproved", "TimeEntryChangesRequested", "TimeEntryCreated", "TimeEntryDeleted",
            "TimeEntrySubmitted", "TimeEntryUpdated", "Unknown", "UserCreated", "UserDeleted",
            "UserMentionedInDocument", "UserRolesUpdated", "UserUpdated", "WorkflowTaskAssignmentChanged",
            "WorkflowTaskCreated", "WorkflowTaskDeleted", "WorkflowTaskUpdated");

    /** Rule 5: the source table lists these types with changes and without updatedFields. */
    private static final Set<String> CHANGES_WITHOUT_UPDATED_FIELDS = Set.of(
            "BoardCreated", "BoardDeleted", "BoardUpdated", "CategoryCreated", "CategoryDeleted", "CategoryUpdated",
            "ClientContractCreated", "ClientContractDeleted", "ClientContractUpdated", "ContractDeleted",
            "InvoiceAnnotationCreated", "InvoiceAnnotationDeleted", "InvoiceAnnotationUpdated", "InvoiceCreated",
            "InvoiceDeleted", "InvoiceItemCreated", "InvoiceItemDeleted", "InvoiceItemUpdated", "InvoiceUpdated",
            "ProjectAssigned", "ProjectBillingConfigCreated", "ProjectBillingConfigDeleted",
            "ProjectBillingConfigUpdated", "ProjectBillingScheduleEntryCreated",
            "ProjectBillingScheduleEntryDeleted", "ProjectBillingScheduleEntryUpdated",
            "ProjectBillingScheduleStatusChanged", "ProjectClosed", "ProjectDeleted", "ProjectPhaseCreated",
            "ProjectPhaseDeleted", "ProjectPhaseUpdated", "ProjectTaskDeleted", "ProjectTaskUpdated",
            "RmmDeviceCreated", "RmmDeviceDeleted", "RmmDeviceOffline", "RmmDeviceOnline", "RmmDeviceUpdated",
            "ScheduleEntryCreated", "ScheduleEntryDeleted", "ScheduleEntryUpdated", "StatusCreated", "StatusDeleted",
            "StatusUpdated", "TicketCommentAdded", "TicketCommentUpdated", "TicketDeleted", "TimeEntryApproved",
            "TimeEntryChangesRequested", "TimeEntryCreated", "TimeEntryDeleted", "TimeEntrySubmitted",
            "TimeEntryUpdated", "UserMentionedInDocument");

    /** Rule 5: legacy shapes that carry changes without updatedFields, as their producers send them. */
    private static final Set<String> LEGACY_CHANGES_WITHOUT_UPDATED_FIELDS = Set.of("ContractCreated",
            "ContractStatusChanged", "ContractUpdated", "ProjectCreated", "ProjectUpdated", "TicketAssigned",
            "TicketAutoCloseWarning", "TicketClosed", "TicketCreated", "TicketUpdated");

    /** Rule 4: a previous side without a newX, each with why. */
    private static final Map<String, String> PREVIOUS_WITHOUT_NEW = Map.of(
            "AssetUnassigned.previousOwnerType", "unassignment: the asset has no new owner",
            "AssetUnassigned.previousOwnerId", "unassignment: the asset has no new owner",
            "ContactPrimarySet.previousPrimaryContactId", "the new primary contact is contactId",
            "ProjectBillingScheduleEntryCreated.previousStatus", "the new side is status, as in the source table",
            "ProjectBillingScheduleEntryDeleted.previousStatus", "the new side is status, as in the source table",
            "ProjectBillingScheduleEntryUpdated.previousStatus", "the new side is status, as in the source table",
            "ProjectBillingScheduleStatusChanged.previousStatus", "the new side is status, as in the source table",
            "RmmDeviceOffline.previousStatus", "the new side is currentStatus, as in the source table",
            "RmmDeviceOnline.previousStatus", "the new side is currentStatus, as in the source table");

    /**
     * Rule 8: the keywords draft-07 and 2020-12 share and AsyncAPI/form tools read, plus annotations; the
     * consumers' contract brought pattern and the bounds.
     */
    private static final Set<String> ALLOWED_KEYWORDS = Set.of("$schema", "$id", "title", "description", "examples",
            "definitions", "type", "properties", "required", "enum", "const", "format", "items",
            "additionalProperties", "anyOf", "oneOf", "$ref", "minLength", "maxLength", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "minItems");

    /** The consumers' uuid regex (consumer-contract/README.md): the pattern, not the format, is what they check. */
    private static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{4}\\b-[0-9a-fA-F]{12}$";

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern PREVIOUS = Pattern.compile("previous([A-Z][A-Za-z0-9]*)");

    private final List<PayloadSchema> schemas = List.copyOf(TestRegistries.shipped().all());

    @Test
    void currentOrLegacySchemasAreExactlyTheListedOnes() {
        Set<String> found = new TreeSet<>();
        for (PayloadSchema schema : schemas) {
            if (schema.document().containsKey("anyOf")) {
                found.add(schema.name());
                assertEquals(List.of("current", "legacy"), List.copyOf(schema.document().getJsonObject("definitions").keySet()),
                        schema.ref());
                assertEquals("[{\"$ref\":\"#/definitions/current\"},{\"$ref\":\"#/definitions/legacy\"}]",
                        schema.document().getJsonArray("anyOf").toString(), schema.ref());
            }
        }
        assertEquals(new TreeSet<>(LEGACY_SHAPES), found);
        assertEquals(15, found.size());
    }

    @Test
    void topLevelKeysAreCamelCase() {
        Map<String, String> exceptions = new TreeMap<>();
        INVENTORY_SHAPES.forEach(name -> exceptions.put(name, INVENTORY_REASON));
        assertOnlyListedExceptions("rule 1, camelCase top-level keys", exceptions, (shape, violations) -> {
            for (String key : properties(shape.schema()).keySet()) {
                if (!CAMEL_CASE.matcher(key).matches()) {
                    violations.add(shape.key());
                    return;
                }
            }
        });
    }

    @Test
    void tenantIdIsARequiredUuid() {
        Map<String, String> exceptions = new TreeMap<>();
        INVENTORY_SHAPES.forEach(name -> exceptions.put(name, INVENTORY_REASON));
        assertOnlyListedExceptions("rule 2, tenantId required uuid", exceptions, (shape, violations) -> {
            JsonValue tenant = properties(shape.schema()).get("tenantId");
            boolean uuid = tenant instanceof JsonObject t && "string".equals(t.getString("type", null))
                    && UUID_PATTERN.equals(t.getString("pattern", null));
            if (!required(shape.schema()).contains("tenantId") || !uuid) {
                violations.add(shape.key());
            }
        });
    }

    @Test
    void occurredAtIsARequiredDateTime() {
        Map<String, String> exceptions = new TreeMap<>();
        WITHOUT_OCCURRED_AT.forEach(name -> exceptions.put(name, "source table (event-types.tsv) has no occurredAt"));
        LEGACY_SHAPES.forEach(name -> exceptions.put(name + "#legacy", "legacy shape; rule 2 lets it lack occurredAt"));
        INVENTORY_SHAPES.forEach(name -> exceptions.put(name, INVENTORY_REASON));
        assertEquals(111 + 32, exceptions.size());
        assertOnlyListedExceptions("rule 2, occurredAt required date-time", exceptions, (shape, violations) -> {
            JsonValue occurredAt = properties(shape.schema()).get("occurredAt");
            boolean dateTime = occurredAt instanceof JsonObject o && "string".equals(o.getString("type", null))
                    && "date-time".equals(o.getString("format", null));
            if (!required(shape.schema()).contains("occurredAt") || !dateTime) {
                violations.add(shape.key());
            }
        });
    }

    @Test
    void everyPreviousValueHasItsNewValue() {
        assertOnlyListedExceptions("rule 4, previousX with newX", PREVIOUS_WITHOUT_NEW, (shape, violations) -> {
            Set<String> keys = properties(shape.schema()).keySet();
            for (String key : keys) {
                Matcher previous = PREVIOUS.matcher(key);
                if (previous.matches() && !keys.contains("new" + previous.group(1))) {
                    violations.add(shape.key() + "." + key);
                }
            }
        });
    }

    @Test
    void updatedFieldsAndChangesComeTogether() {
        Map<String, String> exceptions = new TreeMap<>();
        CHANGES_WITHOUT_UPDATED_FIELDS.forEach(name -> exceptions.put(name, "source table has changes without updatedFields"));
        LEGACY_CHANGES_WITHOUT_UPDATED_FIELDS.forEach(name -> exceptions.put(name + "#legacy",
                "legacy shape has changes without updatedFields, as its producers send it"));
        assertEquals(55 + 10, exceptions.size());
        assertOnlyListedExceptions("rule 5, updatedFields with changes", exceptions, (shape, violations) -> {
            Set<String> keys = properties(shape.schema()).keySet();
            if (keys.contains("updatedFields") != keys.contains("changes")) {
                violations.add(shape.key());
            }
        });
    }

    @Test
    void schemasUseOnlyTheSharedKeywordSubset() {
        List<String> problems = new ArrayList<>();
        for (PayloadSchema schema : schemas) {
            SchemaWalker.visit(schema.document(), (pointer, node) -> {
                for (String keyword : node.keySet()) {
                    if (!ALLOWED_KEYWORDS.contains(keyword)) {
                        problems.add(schema.ref() + "#" + pointer + ": " + keyword);
                    }
                }
                if (node.containsKey("$ref") && !node.getString("$ref").startsWith("#/definitions/")) {
                    problems.add(schema.ref() + "#" + pointer + ": $ref " + node.getString("$ref"));
                }
            });
        }
        assertEquals(List.of(), problems, "rule 8: keywords outside the shared subset");
    }

    /** What one rule looks at: a schema, or one definition of a current/legacy schema. */
    private record Shape(String key, JsonObject schema) {
    }

    private List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (PayloadSchema schema : schemas) {
            JsonObject document = schema.document();
            String key = schema.version() == 1 ? schema.name() : schema.name() + ".v" + schema.version();
            if (document.containsKey("anyOf")) {
                JsonObject definitions = document.getJsonObject("definitions");
                shapes.add(new Shape(key, definitions.getJsonObject("current")));
                shapes.add(new Shape(key + "#legacy", definitions.getJsonObject("legacy")));
            } else {
                shapes.add(new Shape(key, document));
            }
        }
        return shapes;
    }

    private void assertOnlyListedExceptions(String rule, Map<String, String> exceptions,
                                            BiConsumer<Shape, List<String>> check) {
        assertEquals(280 + 1, schemas.size(), "the 280 catalog types' first versions and TicketCreated v2");
        List<String> violations = new ArrayList<>();
        shapes().forEach(shape -> check.accept(shape, violations));
        Set<String> unexpected = new TreeSet<>(violations);
        unexpected.removeAll(exceptions.keySet());
        Set<String> stale = new TreeSet<>(exceptions.keySet());
        stale.removeAll(violations);
        assertTrue(unexpected.isEmpty() && stale.isEmpty(), rule + ": schemas breaking the rule without a listed"
                + " exception " + unexpected + "; listed exceptions that no longer apply (remove them) " + stale);
        exceptions.values().forEach(reason -> assertTrue(!reason.isBlank(), "every exception has a reason"));
    }

    private static JsonObject properties(JsonObject schema) {
        return schema.getOrDefault("properties", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
    }

    private static Set<String> required(JsonObject schema) {
        Set<String> names = new TreeSet<>();
        if (schema.get("required") instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(s -> names.add(s.getString()));
        }
        return names;
    }
}

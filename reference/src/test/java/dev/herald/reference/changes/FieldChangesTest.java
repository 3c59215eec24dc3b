package dev.herald.reference.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldChangesTest {

    private static Map<String, JsonValue> state(String name, String status) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("name", name == null ? null : Json.createValue(name));
        fields.put("status", status == null ? JsonValue.NULL : Json.createValue(status));
        return fields;
    }

    @Test
    void onlyChangedFieldsAreListedInDeclarationOrder() {
        FieldChanges changes = FieldChanges.between(state("a", "open"), state("b", "closed"));
        assertEquals(List.of("name", "status"), changes.fields());
        assertEquals("{\"name\":{\"previous\":\"a\",\"new\":\"b\"},\"status\":{\"previous\":\"open\",\"new\":\"closed\"}}",
                changes.changesJson().toString());
    }

    @Test
    void sameValuesMeanNoChange() {
        assertTrue(FieldChanges.between(state("a", null), state("a", null)).isEmpty());
    }

    @Test
    void aClearedFieldChangesToNull() {
        FieldChanges changes = FieldChanges.between(state("a", "open"), state(null, "open"));
        assertEquals(JsonValue.NULL, changes.of("name").current());
        assertThrows(IllegalArgumentException.class, () -> changes.of("status"));
    }

    @Test
    void statesMustNameTheSameFields() {
        Map<String, JsonValue> fewer = new LinkedHashMap<>(state("a", "b"));
        fewer.remove("status");
        assertThrows(IllegalArgumentException.class, () -> FieldChanges.between(state("a", "b"), fewer));
    }
}

package dev.herald.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionScopeTest {

    @Test
    void starOrNothingMeansEveryChannelAndTheWorkflowStream() {
        for (String setting : new String[] {"*", " * ", "", null}) {
            RetentionScope scope = RetentionScope.parse(setting);
            assertEquals(List.of("alga-psa:event-stream:*"), scope.typeStreamPatterns("alga-psa:"));
            assertTrue(scope.includesWorkflowStream());
        }
    }

    @Test
    void namedChannelsAreMatchedLiterally() {
        RetentionScope scope = RetentionScope.parse("bulk, emailservice::v7?");
        assertEquals(List.of("alga-psa:event-stream:bulk:*", "alga-psa:event-stream:emailservice::v7\\?:*"),
                scope.typeStreamPatterns("alga-psa:"));
        assertFalse(scope.includesWorkflowStream(), "the workflow stream follows the global channel");
        assertTrue(RetentionScope.parse("bulk,global").includesWorkflowStream());
    }

    @Test
    void aPatternIsRefusedRatherThanGuessed() {
        assertThrows(IllegalArgumentException.class, () -> RetentionScope.parse("bulk-*"));
    }
}

package dev.herald.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.workflow.JournalEntry.ProcessingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowQueueCounterTest {

    @Test
    void pendingProcessingAndFailedAreQueuedAndDeadIsCountedApart() {
        QueueCounts counts = WorkflowQueueCounter.of(List.of(new Object[] {ProcessingStatus.PENDING, 3L},
                new Object[] {ProcessingStatus.PROCESSING, 1L}, new Object[] {ProcessingStatus.FAILED, 2L},
                new Object[] {ProcessingStatus.DEAD, 4L}));
        assertEquals(new QueueCounts(6, 4), counts);
    }
}

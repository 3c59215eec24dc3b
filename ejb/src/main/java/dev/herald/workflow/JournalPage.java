package dev.herald.workflow;

import java.util.List;

/** One page of an execution's journal, in sequence order, with the total number of entries. */
public record JournalPage(List<JournalView> entries, long total, int page, int size) {
}

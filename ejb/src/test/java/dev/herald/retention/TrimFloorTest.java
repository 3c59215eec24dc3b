package dev.herald.retention;

import dev.herald.redis.StreamId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrimFloorTest {

    /** Ten entries, one per second: 1000-0, 2000-0, ... 10000-0. "now" is 10 s after the epoch. */
    private static final List<StreamId> ENTRIES = List.of(id("1000-0"), id("2000-0"), id("3000-0"), id("4000-0"),
            id("5000-0"), id("6000-0"), id("7000-0"), id("8000-0"), id("9000-0"), id("10000-0"));
    private static final Instant NOW = Instant.ofEpochMilli(10_000);

    private final List<Long> lookups = new ArrayList<>();

    private static StreamId id(String text) {
        return StreamId.parse(text);
    }

    /** Answers nthNewest from the given entries (oldest first) and records every question. */
    private TrimFloor.EntryLookup lookupOver(List<StreamId> entries) {
        return n -> {
            lookups.add(n);
            return n >= 1 && n <= entries.size() ? Optional.of(entries.get(entries.size() - (int) n)) : Optional.empty();
        };
    }

    private Optional<StreamId> decide(RetentionPolicy policy, List<StreamId> entries, List<GroupState> groups) {
        StreamState state = entries.isEmpty() ? StreamState.empty() : StreamState.of(entries.size(), entries.get(0));
        return TrimFloor.minId(policy, state, groups, NOW, lookupOver(entries));
    }

    /** What XTRIM MINID leaves: every entry at or above the MINID. */
    private static List<StreamId> survivors(List<StreamId> entries, Optional<StreamId> minId) {
        return minId.map(min -> entries.stream().filter(e -> !e.isBefore(min)).toList()).orElse(entries);
    }

    private static GroupState caughtUp(String name) {
        return GroupState.idle(name, ENTRIES.get(ENTRIES.size() - 1));
    }

    // ---- the policy alone -------------------------------------------------------------------------------------

    @Test
    void noPolicyTrimsNothing() {
        assertEquals(Optional.empty(), decide(RetentionPolicy.none(), ENTRIES, List.of()));
        assertEquals(Optional.empty(), decide(RetentionPolicy.none(), ENTRIES, List.of(caughtUp("g"))));
        assertTrue(lookups.isEmpty(), "no policy, no lookup");
    }

    @Test
    void emptyStreamTrimsNothing() {
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxLength(1).withMaxAge(Duration.ofMillis(1)), List.of(), List.of()));
        assertTrue(lookups.isEmpty());
    }

    @Test
    void ageRuleTrimsOlderEntriesOnly() {
        Optional<StreamId> minId = decide(RetentionPolicy.maxAge(Duration.ofMillis(4_500)), ENTRIES, List.of());
        assertEquals(Optional.of(id("5500-0")), minId);
        assertEquals(ENTRIES.subList(5, 10), survivors(ENTRIES, minId));
        assertTrue(lookups.isEmpty(), "the age rule needs no lookup");
    }

    @Test
    void ageRuleKeepsAnEntryExactlyAtTheCutoff() {
        Optional<StreamId> minId = decide(RetentionPolicy.maxAge(Duration.ofSeconds(5)), ENTRIES, List.of());
        assertEquals(Optional.of(id("5000-0")), minId);
        assertEquals(id("5000-0"), survivors(ENTRIES, minId).get(0));
    }

    @Test
    void ageRuleWithNothingOldEnoughTrimsNothing() {
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxAge(Duration.ofSeconds(9)), ENTRIES, List.of()));
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxAge(Duration.ofDays(3650)), ENTRIES, List.of()));
    }

    @Test
    void absurdAgeDoesNotOverflow() {
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxAge(Duration.ofSeconds(Long.MAX_VALUE)), ENTRIES, List.of()));
    }

    @Test
    void lengthRuleKeepsNewest() {
        Optional<StreamId> minId = decide(RetentionPolicy.maxLength(3), ENTRIES, List.of());
        assertEquals(Optional.of(id("8000-0")), minId);
        assertEquals(List.of(id("8000-0"), id("9000-0"), id("10000-0")), survivors(ENTRIES, minId));
        assertEquals(List.of(3L), lookups, "one lookup: the 3rd newest entry");
    }

    @Test
    void lengthRuleOnAShortEnoughStreamTrimsNothingAndLooksNothingUp() {
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxLength(10), ENTRIES, List.of()));
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxLength(50), ENTRIES, List.of()));
        assertTrue(lookups.isEmpty());
    }

    @Test
    void lengthRuleKeepingOneLeavesOnlyTheNewest() {
        Optional<StreamId> minId = decide(RetentionPolicy.maxLength(1), ENTRIES, List.of());
        assertEquals(List.of(id("10000-0")), survivors(ENTRIES, minId));
    }

    @Test
    void bothRulesTrimWhateverEitherRuleRemoves() {
        // age alone keeps 6000..10000 (5 entries), length alone keeps 3: the stricter wins
        RetentionPolicy both = RetentionPolicy.maxLength(3).withMaxAge(Duration.ofMillis(4_000));
        assertEquals(Optional.of(id("8000-0")), decide(both, ENTRIES, List.of()));
        // length alone keeps 8, age keeps 3: again the stricter wins
        RetentionPolicy ageStricter = RetentionPolicy.maxLength(8).withMaxAge(Duration.ofMillis(2_000));
        assertEquals(Optional.of(id("8000-0")), decide(ageStricter, ENTRIES, List.of()));
    }

    @Test
    void streamThatShrankUnderTheLookupFallsBackToTheAgeRule() {
        TrimFloor.EntryLookup gone = n -> Optional.empty();
        RetentionPolicy both = RetentionPolicy.maxLength(3).withMaxAge(Duration.ofMillis(6_000));
        assertEquals(Optional.of(id("4000-0")),
                TrimFloor.minId(both, StreamState.of(10, ENTRIES.get(0)), List.of(), NOW, gone));
        assertEquals(Optional.empty(),
                TrimFloor.minId(RetentionPolicy.maxLength(3), StreamState.of(10, ENTRIES.get(0)), List.of(), NOW, gone));
    }

    @Test
    void unknownFirstIdStillTrims() {
        Optional<StreamId> minId = TrimFloor.minId(RetentionPolicy.maxLength(3), new StreamState(10, Optional.empty()),
                List.of(), NOW, lookupOver(ENTRIES));
        assertEquals(Optional.of(id("8000-0")), minId);
    }

    // ---- consumer groups cap the policy -----------------------------------------------------------------------

    @Test
    void noGroupsThePolicyAloneApplies() {
        assertEquals(Optional.empty(), TrimFloor.floor(List.of()));
        assertEquals(Optional.of(id("8000-0")), decide(RetentionPolicy.maxLength(3), ENTRIES, List.of()));
    }

    @Test
    void caughtUpGroupsLetThePolicyDecide() {
        List<GroupState> groups = List.of(caughtUp("event-processors"), caughtUp("workflow-runtime-v2"));
        assertEquals(Optional.of(id("8000-0")), decide(RetentionPolicy.maxLength(3), ENTRIES, groups));
    }

    @Test
    void laggingGroupPinsTheFloor() {
        // the group has read and acknowledged up to 4000-0; the policy would keep only the newest 3
        List<GroupState> groups = List.of(GroupState.idle("event-processors", id("4000-0")));
        Optional<StreamId> minId = decide(RetentionPolicy.maxLength(3), ENTRIES, groups);
        assertEquals(Optional.of(id("4000-1")), minId);
        assertEquals(ENTRIES.subList(4, 10), survivors(ENTRIES, minId), "5000-0, never delivered, survives");
    }

    @Test
    void pendingEntryIsNeverTrimmed() {
        // delivered up to 8000-0, but 3000-0 is still unacknowledged
        List<GroupState> groups = List.of(GroupState.pending("event-processors", id("8000-0"), id("3000-0")));
        Optional<StreamId> minId = decide(RetentionPolicy.maxLength(1), ENTRIES, groups);
        assertEquals(Optional.of(id("3000-0")), minId);
        assertTrue(survivors(ENTRIES, minId).contains(id("3000-0")));
        assertEquals(ENTRIES.subList(2, 10), survivors(ENTRIES, minId));
    }

    @Test
    void pendingEntryIsNeverTrimmedByAge() {
        List<GroupState> groups = List.of(GroupState.pending("g", id("9000-0"), id("2000-0")));
        Optional<StreamId> minId = decide(RetentionPolicy.maxAge(Duration.ofMillis(1)), ENTRIES, groups);
        assertEquals(Optional.of(id("2000-0")), minId);
    }

    @Test
    void slowestGroupWins() {
        List<GroupState> groups = List.of(caughtUp("fast"), GroupState.idle("slow", id("6000-0")),
                GroupState.pending("medium", id("9000-0"), id("7000-0")));
        assertEquals(Optional.of(id("6000-1")), TrimFloor.floor(groups));
        assertEquals(Optional.of(id("6000-1")), decide(RetentionPolicy.maxLength(2), ENTRIES, groups));
    }

    @Test
    void groupThatNeverDeliveredPinsTheStart() {
        List<GroupState> groups = List.of(caughtUp("event-processors"), GroupState.idle("new-subscriber", StreamId.MIN));
        assertEquals(Optional.of(StreamId.MIN), TrimFloor.floor(groups));
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxLength(1).withMaxAge(Duration.ofMillis(1)), ENTRIES, groups));
        assertTrue(lookups.isEmpty(), "nothing can be trimmed, so nothing is looked up");
    }

    @Test
    void floorAtTheFirstEntryTrimsNothingAndLooksNothingUp() {
        List<GroupState> groups = List.of(GroupState.pending("g", id("10000-0"), id("1000-0")));
        assertEquals(Optional.empty(), decide(RetentionPolicy.maxLength(2), ENTRIES, groups));
        assertTrue(lookups.isEmpty());
    }

    @Test
    void floorNeverRaisesThePolicy() {
        // the groups would allow trimming everything, the policy keeps 5
        List<GroupState> groups = List.of(caughtUp("g"));
        assertEquals(Optional.of(id("6000-0")), decide(RetentionPolicy.maxLength(5), ENTRIES, groups));
    }

    @Test
    void ageRuleReachingTheFloorSkipsTheLengthLookup() {
        List<GroupState> groups = List.of(GroupState.idle("g", id("3000-0")));
        RetentionPolicy both = RetentionPolicy.maxLength(2).withMaxAge(Duration.ofMillis(1_000));
        assertEquals(Optional.of(id("3000-1")), decide(both, ENTRIES, groups));
        assertTrue(lookups.isEmpty(), "the floor decides: the length rule cannot change the answer");
    }

    @Test
    void lengthRuleIsLookedUpAtMostOnce() {
        List<GroupState> groups = List.of(GroupState.idle("g", id("9000-0")));
        decide(RetentionPolicy.maxLength(4).withMaxAge(Duration.ofMillis(8_000)), ENTRIES, groups);
        assertEquals(List.of(4L), lookups);
    }

    @Test
    void rewoundGroupProtectsEntriesItWillBeRedelivered() {
        // XGROUP SETID moved the group back to 2000-0 while 5000-0 is still pending: 2000-1.. is undelivered again
        GroupState rewound = GroupState.pending("g", id("2000-0"), id("5000-0"));
        assertEquals(id("2000-1"), rewound.floor());
        assertEquals(Optional.of(id("2000-1")), decide(RetentionPolicy.maxLength(1), ENTRIES, List.of(rewound)));
    }

    @Test
    void groupFloorIsTheEntryAfterTheLastDeliveredOne() {
        assertEquals(id("4000-1"), GroupState.idle("g", id("4000-0")).floor());
        assertEquals(id("3000-0"), GroupState.pending("g", id("4000-0"), id("3000-0")).floor());
        assertEquals(StreamId.MIN, GroupState.idle("g", StreamId.MIN).floor());
    }

    // ---- how the caller reads the length rule's entry ---------------------------------------------------------

    @Test
    void lengthLookupReadsFromTheNearerEnd() {
        assertEquals(new TrimFloor.RangePlan(true, 3), TrimFloor.RangePlan.nthNewest(10, 3));
        assertEquals(new TrimFloor.RangePlan(true, 5), TrimFloor.RangePlan.nthNewest(10, 5));
        assertEquals(new TrimFloor.RangePlan(false, 5), TrimFloor.RangePlan.nthNewest(10, 6));
        assertEquals(new TrimFloor.RangePlan(false, 1), TrimFloor.RangePlan.nthNewest(10, 10));
        assertEquals(new TrimFloor.RangePlan(false, 1_001), TrimFloor.RangePlan.nthNewest(1_000_000, 999_000));
        assertEquals(new TrimFloor.RangePlan(true, 1), TrimFloor.RangePlan.nthNewest(1, 1));
        assertThrows(IllegalArgumentException.class, () -> TrimFloor.RangePlan.nthNewest(10, 11));
        assertThrows(IllegalArgumentException.class, () -> TrimFloor.RangePlan.nthNewest(10, 0));
    }

    @Test
    void rangePlanFindsTheSameEntryFromEitherEnd() {
        for (int n = 1; n <= ENTRIES.size(); n++) {
            TrimFloor.RangePlan plan = TrimFloor.RangePlan.nthNewest(ENTRIES.size(), n);
            List<StreamId> newestFirst = new ArrayList<>(ENTRIES);
            Collections.reverse(newestFirst);
            List<StreamId> read = (plan.reversed() ? newestFirst : ENTRIES).subList(0, (int) plan.count());
            assertEquals(ENTRIES.get(ENTRIES.size() - n), read.get(read.size() - 1), "n=" + n);
        }
    }
}

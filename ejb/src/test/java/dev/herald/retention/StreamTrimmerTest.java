package dev.herald.retention;

import dev.herald.redis.StreamId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RType;
import org.redisson.api.stream.StreamTrimParams;
import org.redisson.client.RedisTimeoutException;

class StreamTrimmerTest {

    private static final String TYPE = "alga-psa:event-stream:global:TICKET_CREATED";
    private static final String OTHER = "alga-psa:event-stream:global:TICKET_UPDATED";
    private static final String WORKFLOW = "workflow:events:global";
    private static final Instant NOW = Instant.ofEpochMilli(10_000);

    private final FakeRedis redis = new FakeRedis();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void closeLog() {
        log.close();
    }

    private StreamTrimmer trimmer(RetentionPolicy policy) {
        return new StreamTrimmer(redis.client(), policy, "alga-psa:", WORKFLOW);
    }

    @Test
    void trimsWithAnExactMinIdAndNoLimit() {
        FakeRedis.Stream stream = redis.stream(TYPE).entries(10);

        assertEquals(7, trimmer(RetentionPolicy.maxLength(3)).trim(TYPE, NOW));

        StreamTrimParams trim = stream.trims.get(0);
        assertEquals("8000-0", trim.getMinId().toString());
        assertNull(trim.getMaxLen());
        assertEquals(0, trim.getLimit(), "no LIMIT: LIMIT is only allowed with '~'");
        assertTrue(redis.callsOn(TYPE).contains("trim"));
        assertFalse(redis.callsOn(TYPE).contains("trimNonStrict"), "XTRIM MINID =, never ~");
        assertEquals(List.of(StreamId.parse("8000-0"), StreamId.parse("9000-0"), StreamId.parse("10000-0")), stream.ids());
    }

    @Test
    void readsTheGroupsBeforeTheirPendingIds() {
        redis.stream(TYPE).entries(10).group("event-processors", "9000-0", "4000-0", "6000-0");

        assertEquals(3, trimmer(RetentionPolicy.maxLength(2)).trim(TYPE, NOW));

        List<String> calls = redis.callsOn(TYPE);
        assertTrue(calls.indexOf("listGroups") < calls.indexOf("getPendingInfo"), calls.toString());
        assertEquals(StreamId.parse("4000-0"), redis.stream(TYPE).ids().get(0), "the pending entry survives");
    }

    @Test
    void asksForPendingIdsOnlyOfGroupsWithPendingEntries() {
        redis.stream(TYPE).entries(10).group("caught-up", "10000-0").group("lagging", "5000-0");

        assertEquals(5, trimmer(RetentionPolicy.maxLength(2)).trim(TYPE, NOW));

        assertFalse(redis.callsOn(TYPE).contains("getPendingInfo"));
        assertEquals(StreamId.parse("6000-0"), redis.stream(TYPE).ids().get(0));
    }

    @Test
    void lengthRuleCostsOneRangeReadFromTheNearerEnd() {
        redis.stream(TYPE).entries(10);
        redis.stream(OTHER).entries(10);

        trimmer(RetentionPolicy.maxLength(3)).trim(TYPE, NOW);
        trimmer(RetentionPolicy.maxLength(8)).trim(OTHER, NOW);

        assertEquals(1, redis.callsOn(TYPE).stream().filter(c -> c.startsWith("range")).count());
        assertTrue(redis.callsOn(TYPE).contains("rangeReversed"), "keep 3 of 10: read the 3 newest");
        assertEquals(1, redis.callsOn(OTHER).stream().filter(c -> c.startsWith("range")).count());
        assertTrue(redis.callsOn(OTHER).contains("range"), "keep 8 of 10: read the 3 oldest");
        assertEquals(8, redis.stream(OTHER).entries.size());
    }

    @Test
    void nothingToTrimSendsNoXtrim() {
        redis.stream(TYPE).entries(10).group("new-subscriber", "0-0");
        redis.stream(OTHER).entries(3);

        assertEquals(0, trimmer(RetentionPolicy.maxLength(1)).trim(TYPE, NOW));
        assertEquals(0, trimmer(RetentionPolicy.maxLength(5)).trim(OTHER, NOW));

        assertTrue(redis.stream(TYPE).trims.isEmpty());
        assertTrue(redis.stream(OTHER).trims.isEmpty());
        assertEquals(10, redis.stream(TYPE).entries.size());
    }

    @Test
    void ageRuleUsesTheGivenClock() {
        redis.stream(TYPE).entries(10);

        // 9 s after the epoch, 5 s of retention: everything before 4000-0 goes
        assertEquals(3, trimmer(RetentionPolicy.maxAge(Duration.ofSeconds(5))).trim(TYPE, Instant.ofEpochMilli(9_000)));

        assertEquals(StreamId.parse("4000-0"), redis.stream(TYPE).ids().get(0));
    }

    @Test
    void emptyStreamIsLeftAlone() {
        redis.stream(TYPE).group("event-processors", "0-0");

        assertEquals(0, trimmer(RetentionPolicy.maxLength(1)).trim(TYPE, NOW));
        assertTrue(redis.stream(TYPE).trims.isEmpty());
    }

    @Test
    void scansThePrefixedStreamsOnly() {
        redis.stream(TYPE).entries(1);
        redis.otherKeys.put("alga-psa:event-stream:global:NOT_A_STREAM", RType.OBJECT);
        redis.otherKeys.put("alga-psa:something-else", RType.OBJECT);
        redis.stream("other-app:event-stream:global:X").entries(1);

        assertEquals(Set.of(TYPE), trimmer(RetentionPolicy.none()).streams());

        assertEquals("alga-psa:event-stream:*", redis.scans.get(0).getPattern());
        assertEquals(RType.STREAM, redis.scans.get(0).getType());
    }

    @Test
    void deadLetterStreamsAreNeverTrimmed() {
        redis.stream(TYPE).entries(10);
        redis.stream(TYPE + ":dead-letter").entries(10);

        RetentionPass pass = trimmer(RetentionPolicy.maxLength(1)).run(NOW);

        assertEquals(1, pass.streamsExamined());
        assertEquals(10, redis.stream(TYPE + ":dead-letter").entries.size());
        assertTrue(redis.callsOn(TYPE + ":dead-letter").isEmpty());
    }

    @Test
    void workflowStreamIsManagedWhenItIsAStream() {
        redis.stream(WORKFLOW).entries(4);
        assertEquals(Set.of(WORKFLOW), trimmer(RetentionPolicy.none()).streams());

        FakeRedis withoutWorkflow = new FakeRedis();
        assertEquals(Set.of(), new StreamTrimmer(withoutWorkflow.client(), RetentionPolicy.none(), "alga-psa:", WORKFLOW).streams());

        FakeRedis wrongType = new FakeRedis();
        wrongType.otherKeys.put(WORKFLOW, RType.LIST);
        assertEquals(Set.of(), new StreamTrimmer(wrongType.client(), RetentionPolicy.none(), "alga-psa:", WORKFLOW).streams());

        assertEquals(Set.of(), new StreamTrimmer(redis.client(), RetentionPolicy.none(), "alga-psa:", "").streams(),
                "an empty workflow-stream setting manages no workflow stream");
    }

    @Test
    void workflowStreamUnderThePrefixIsExaminedOnce() {
        String inside = "alga-psa:event-stream:workflow";
        redis.stream(inside).entries(3);
        StreamTrimmer trimmer = new StreamTrimmer(redis.client(), RetentionPolicy.maxLength(1), "alga-psa:", inside);
        assertEquals(1, trimmer.run(NOW).streamsExamined());
    }

    @Test
    void prefixIsMatchedLiterally() {
        redis.stream("a*b?:event-stream:global:X").entries(1);
        redis.stream("aZZbQ:event-stream:global:X").entries(1);
        StreamTrimmer trimmer = new StreamTrimmer(redis.client(), RetentionPolicy.none(), "a*b?:", WORKFLOW);

        assertEquals(Set.of("a*b?:event-stream:global:X"), trimmer.streams());
        assertEquals("a\\*b\\?:event-stream:*", redis.scans.get(0).getPattern());
        assertEquals("x\\[1\\]\\\\y", StreamTrimmer.globEscape("x[1]\\y"));
    }

    @Test
    void aPassReportsWhatItDid() {
        redis.stream(TYPE).entries(10);
        redis.stream(OTHER).entries(10).group("event-processors", "0-0");
        redis.stream(WORKFLOW).entries(5);

        RetentionPass pass = trimmer(RetentionPolicy.maxLength(2)).run(NOW);

        assertTrue(pass.ok());
        assertFalse(pass.skipped());
        assertEquals(NOW, pass.startedAt());
        assertEquals(3, pass.streamsExamined());
        assertEquals(2, pass.streamsTrimmed());
        assertEquals(8 + 3, pass.entriesTrimmed());
        assertEquals(1, log.at(Level.INFO).size());
    }

    @Test
    void oneFailingStreamDoesNotStopTheOthers() {
        redis.stream(TYPE).entries(10).failure = new RedisTimeoutException("XINFO timed out");
        redis.stream(OTHER).entries(10);

        RetentionPass pass = trimmer(RetentionPolicy.maxLength(2)).run(NOW);

        assertFalse(pass.ok());
        assertEquals(2, pass.streamsExamined());
        assertEquals(8, pass.entriesTrimmed());
        assertEquals(1, pass.errors().size());
        assertTrue(pass.errors().get(0).startsWith(TYPE + ": "), pass.errors().toString());
        List<LogRecord> warnings = log.at(Level.WARNING);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains(TYPE));
        assertTrue(warnings.get(0).getThrown() instanceof RedisTimeoutException);
    }

    @Test
    void listingFailureIsLoggedAndReportedNotThrown() {
        redis.scanFailure = new RedisTimeoutException("SCAN timed out");

        RetentionPass pass = trimmer(RetentionPolicy.maxLength(2)).run(NOW);

        assertFalse(pass.ok());
        assertEquals(0, pass.streamsExamined());
        assertTrue(pass.errors().get(0).startsWith("listing streams: "));
        assertEquals(1, log.at(Level.WARNING).size());
    }
}

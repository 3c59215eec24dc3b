package dev.herald.api.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(10);

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() {
        assertTrue(limit.exceededBy("11"));
        assertFalse(limit.exceededBy("10"));
        assertFalse(limit.exceededBy(null));
        assertFalse(limit.exceededBy("ten"), "the counting stream still guards a body with a bogus length");
    }

    @Test
    void bodyOfExactlyTheLimitReadsWhole() throws IOException {
        byte[] body = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(body, limit.guard(new ByteArrayInputStream(body)).readAllBytes());
    }

    @Test
    void bulkReadPastTheLimitFails() {
        InputStream guarded = limit.guard(new ByteArrayInputStream(new byte[11]));
        assertThrows(BodyLimit.ExceededException.class, guarded::readAllBytes);
    }

    @Test
    void singleByteReadsPastTheLimitFail() throws IOException {
        InputStream guarded = limit.guard(new ByteArrayInputStream(new byte[11]));
        for (int i = 0; i < 10; i++) {
            guarded.read();
        }
        assertThrows(BodyLimit.ExceededException.class, guarded::read);
    }

    @Test
    void endlessStreamIsCutAtTheLimitPlusOne() {
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 11) {
                    throw new AssertionError("read past limit + 1");
                }
                return 'x';
            }
        };
        assertThrows(BodyLimit.ExceededException.class, () -> limit.guard(endless).readAllBytes());
    }

    @Test
    void aJsonParserFailingOnTheGuardedStreamIsRecognisedAsExceeding() {
        String big = "{\"a\":\"" + "x".repeat(100) + "\"}";
        JsonException failure = assertThrows(JsonException.class, () -> Json.createReader(
                limit.guard(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).readObject());
        assertTrue(BodyLimit.causedExceeding(failure), failure.toString());
        assertFalse(BodyLimit.causedExceeding(new JsonException("bad")));
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BodyLimit(0));
    }
}

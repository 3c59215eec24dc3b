package dev.herald.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.redis.HashTag;
import dev.herald.redis.RedisKeys;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every relay script call names keys of one Redis Cluster hash slot only (else Cluster refuses it: CROSSSLOT). The
 * slot is computed here as Redis Cluster does, CRC16/XMODEM of the key (or of its hash tag) mod 16384, not by a
 * library, so the test does not share a mistake with the code it checks.
 */
class RelayHashSlotTest {

    private static final List<String> TYPES = List.of("TICKET_CREATED", "TICKET_UPDATED", "INVOICE_CREATED",
            "PROJECT_CLOSED", "CUSTOM_EVENT", "USER_LOGGED_IN");

    @Test
    void theSlotFunctionMatchesRedisClusterReferenceValues() {
        assertEquals(0x31C3, crc16("123456789"), "CRC16/XMODEM check value from the Redis Cluster specification");
        assertEquals(slot("user1000"), slot("{user1000}.following"), "a hash tag is hashed alone");
        assertEquals(slot("foo{}{bar}"), crc16("foo{}{bar}") % 16384, "an empty first tag: the whole key is hashed");
        assertEquals(slot("{bar"), crc16("{bar") % 16384);
        assertEquals(slot("zap"), slot("foo{zap}{bar}"), "only the first tag counts");
    }

    @Test
    void everyCallOfAMessageOnManyChannelsAndTypesKeepsToOneSlot() {
        assertOneSlotPerCall(new WireFormat(RedisKeys.defaults()));
    }

    @Test
    void aStreamPrefixWithItsOwnHashTagKeepsTheMarkersInTheStreamsSlot() {
        assertOneSlotPerCall(new WireFormat(new RedisKeys("{herald}:", "event:", "workflow:{herald}:global",
                "herald:relayed:", Duration.ofDays(7))));
    }

    @Test
    void theCallsOfOneMessageSpreadOverSlots() {
        Set<Integer> slots = new HashSet<>();
        for (StreamWrite write : StreamWrite.plan(RelayWriter.units(new WireFormat(RedisKeys.defaults()), message()))) {
            slots.add(slot(write.stream()));
        }
        assertTrue(slots.size() > 10, "the streams are not forced into one slot, so a Cluster spreads them: " + slots);
    }

    @Test
    void aKeyWithABraceButNoHashTagHasNoSameSlotTag() {
        assertEquals("{a{b}", HashTag.sameSlotAs("x{a{b}y"));
        assertEquals("{stream}", HashTag.sameSlotAs("stream"));
        assertThrows(IllegalArgumentException.class, () -> HashTag.sameSlotAs("odd}stream"));
        assertThrows(IllegalArgumentException.class, () -> HashTag.sameSlotAs("odd{}stream}"));
    }

    private static void assertOneSlotPerCall(WireFormat format) {
        List<StreamWrite> writes = StreamWrite.plan(RelayWriter.units(format, message()));
        assertEquals(TYPES.size() * 3 + 1, writes.size(), "one call per type stream of each channel, one for the workflow stream");
        for (StreamWrite write : writes) {
            Set<Integer> slots = new HashSet<>();
            write.keys().forEach(key -> slots.add(slot((String) key)));
            assertEquals(1, slots.size(), "the keys of the call on " + write.stream() + " span slots " + slots + ": " + write.keys());
        }
    }

    /** Two events of each type, each on global and two more channels; the same event twice. */
    private static List<CarriedEvent> message() {
        List<CarriedEvent> events = new ArrayList<>();
        for (String type : TYPES) {
            for (int i = 0; i < 2; i++) {
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type,
                        Instant.parse("2026-11-23T07:41:51.792Z"), Json.createObjectBuilder().add("tenantId", "t1").build());
                events.add(new CarriedEvent(envelope, EnvelopeJson.toJson(envelope),
                        List.of("global", "billing", "internal-notifications"), null));
            }
        }
        events.add(events.get(0));
        return events;
    }

    /** Redis Cluster's key slot: CRC16 of the hash tag when the key has a non-empty one, else of the key; mod 16384. */
    static int slot(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                key = key.substring(open + 1, close);
            }
        }
        return crc16(key) % 16384;
    }

    /** CRC16/XMODEM: polynomial 0x1021, initial value 0, no reflection, as Redis Cluster's crc16.c. */
    static int crc16(String text) {
        int crc = 0;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }
}

package dev.herald.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantIdsTest {

    @Test
    void ordinaryTenantIdsPass() {
        assertEquals(Optional.of("acme"), TenantIds.fromClaim("acme"));
        assertEquals(Optional.of("tenant-0f3c:eu.1_a"), TenantIds.fromClaim("tenant-0f3c:eu.1_a"));
        assertEquals(Optional.of("acme"), TenantIds.fromClaim(Json.createValue("acme")), "a JSON string claim");
    }

    @Test
    void theSystemTenantAndOddValuesNeverPass() {
        assertTrue(TenantIds.fromClaim("*").isEmpty(), "the catalog's system tenant");
        assertTrue(TenantIds.fromClaim(null).isEmpty());
        assertTrue(TenantIds.fromClaim(12345L).isEmpty(), "a number");
        assertTrue(TenantIds.fromClaim(Json.createValue(12345)).isEmpty(), "a JSON number");
        assertTrue(TenantIds.fromClaim(Boolean.TRUE).isEmpty(), "a boolean");
        assertTrue(TenantIds.fromClaim(jakarta.json.JsonValue.TRUE).isEmpty(), "a JSON boolean");
        assertTrue(TenantIds.fromClaim("").isEmpty());
        assertTrue(TenantIds.fromClaim(" acme").isEmpty());
        assertTrue(TenantIds.fromClaim("a/b").isEmpty());
        assertTrue(TenantIds.fromClaim("-leading").isEmpty());
        assertTrue(TenantIds.fromClaim("x".repeat(65)).isEmpty(), "wider than the tenant columns");
        assertEquals(Optional.of("x".repeat(64)), TenantIds.fromClaim("x".repeat(64)));
    }
}

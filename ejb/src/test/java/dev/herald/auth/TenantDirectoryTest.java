package dev.herald.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantDirectoryTest {

    private static final String ACME = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void aUuidIsItsOwnTenantIdInLowerCase() {
        assertEquals(ACME, TenantDirectory.derived().idOf(ACME.toUpperCase()));
    }

    @Test
    void aConfiguredSlugMapsToItsConfiguredId() {
        TenantDirectory directory = TenantDirectory.of("acme=" + ACME + ", globex = 7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertEquals(ACME, directory.idOf("acme"));
        assertEquals(ACME, directory.idOf("ACME"), "slugs are case-insensitive");
        assertEquals("7c9e6679-7425-40de-944b-e07fc1f90ae7", directory.idOf("globex"));
    }

    @Test
    void anUnconfiguredSlugGetsTheSameDerivedUuidEverywhere() {
        String id = TenantDirectory.derived().idOf("acme");
        assertTrue(TenantDirectory.isUuid(id), id);
        assertEquals(id, TenantDirectory.of("globex=" + ACME).idOf("acme"), "another node, another configuration");
        assertNotEquals(id, TenantDirectory.derived().idOf("globex"));
    }

    @Test
    void aMalformedConfigurationIsRefusedNamingThePair() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TenantDirectory.of("acme=12"));
        assertTrue(error.getMessage().contains("'acme=12'"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TenantDirectory.of(ACME + "=" + ACME), "a UUID is no slug");
    }
}

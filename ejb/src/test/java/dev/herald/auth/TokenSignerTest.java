package dev.herald.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private static final KeyPair KEYS = keys();

    @Test
    void signedTokenVerifiesWithThePublicKeyAndCarriesTheTenantAndGroups() throws Exception {
        String token = new TokenSigner(KEYS.getPrivate(), "herald-dev", "herald")
                .sign(new TokenRequest("acme", "ada", List.of(Groups.READER, Groups.ADMIN), Duration.ofMinutes(5)));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KEYS.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "RS256 over header.claims");

        assertEquals("RS256", json(parts[0]).getString("alg"));
        JsonObject claims = json(parts[1]);
        assertEquals("herald-dev", claims.getString("iss"));
        assertEquals("herald", claims.getString("aud"));
        assertEquals("acme", claims.getString(Groups.TENANT_CLAIM));
        assertEquals("ada", claims.getString("upn"));
        assertEquals(List.of("reader", "admin"), claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
        long lifetime = claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
        assertEquals(300, lifetime);
        assertTrue(Math.abs(claims.getJsonNumber("iat").longValue() - Instant.now().getEpochSecond()) < 5);
    }

    @Test
    void theDevelopmentKeyPairOfTheRepositoryLoads() throws Exception {
        TokenSigner signer = TokenSigner.fromPem(java.nio.file.Path.of("../liberty/config/dev-jwt/private.pem"), "herald-dev", "herald");
        assertEquals(3, signer.sign(new TokenRequest("t", "u", List.of(), Duration.ofMinutes(1))).split("\\.").length);
    }

    private static JsonObject json(String base64url) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8))).readObject();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.herald.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentKeyPolicyTest {

    static final Path DEV_PUBLIC = Path.of("../liberty/config/dev-jwt/public.pem");

    @TempDir
    Path dir;

    @Test
    void theConstantIsTheShippedKeysFingerprint() throws Exception {
        assertEquals(Set.of(DevelopmentKeyPolicy.DEV_KEY_SHA256),
                DevelopmentKeyPolicy.fingerprints(Files.readString(DEV_PUBLIC)));
    }

    @Test
    void theDevelopmentKeyOutsideDevelopmentIsRefusedNamingTheSettings() {
        DevelopmentKeyPolicy.Verdict verdict = DevelopmentKeyPolicy.decide(false, false, Optional.empty(),
                Optional.of(DEV_PUBLIC.toString()));
        assertTrue(verdict.refused());
        assertTrue(verdict.devKey());
        assertTrue(verdict.reason().contains("mp.jwt.verify.publickey.location"), verdict.reason());
        assertTrue(verdict.reason().contains("herald.dev.profile"), verdict.reason());
    }

    @Test
    void theDevelopmentKeyInDevelopmentIsAccepted() {
        DevelopmentKeyPolicy.Verdict verdict = DevelopmentKeyPolicy.decide(true, true, Optional.empty(),
                Optional.of(DEV_PUBLIC.toString()));
        assertFalse(verdict.refused());
        assertTrue(verdict.devKey());
    }

    @Test
    void aCopyOfTheDevelopmentKeyElsewhereIsStillRecognised() throws Exception {
        Path copy = dir.resolve("idp.pem");
        Files.writeString(copy, "\n" + Files.readString(DEV_PUBLIC).replace("\n", "\r\n"));
        assertTrue(DevelopmentKeyPolicy.decide(false, false, Optional.empty(), Optional.of(copy.toUri().toString())).refused(),
                "a file: URL of a copy");
        assertTrue(DevelopmentKeyPolicy.decide(false, false, Optional.of(Files.readString(DEV_PUBLIC)), Optional.empty())
                .refused(), "mp.jwt.verify.publickey inline");
    }

    @Test
    void theDevelopmentKeyInAJwksIsRecognised() throws Exception {
        RSAPublicKey dev = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(Files.readString(DEV_PUBLIC).replaceAll("-----[A-Z ]+-----", ""))));
        String jwks = "{\"keys\":[" + jwk(fresh()) + "," + jwk(dev) + "]}";
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, jwks);
        DevelopmentKeyPolicy.Verdict verdict = DevelopmentKeyPolicy.decide(false, false, Optional.empty(),
                Optional.of(file.toString()));
        assertTrue(verdict.refused(), verdict.toString());
    }

    @Test
    void anotherKeyOutsideDevelopmentIsAccepted() throws Exception {
        RSAPublicKey other = fresh();
        Path file = dir.resolve("other.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(other.getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        DevelopmentKeyPolicy.Verdict verdict = DevelopmentKeyPolicy.decide(false, false, Optional.empty(),
                Optional.of(file.toString()));
        assertFalse(verdict.refused(), verdict.reason());
        assertFalse(verdict.devKey());
        Path jwks = dir.resolve("other.json");
        Files.writeString(jwks, "{\"keys\":[" + jwk(other) + "]}");
        assertFalse(DevelopmentKeyPolicy.decide(false, false, Optional.empty(), Optional.of(jwks.toString())).refused());
    }

    @Test
    void demoTokensOutsideDevelopmentAreRefused() throws Exception {
        Path file = dir.resolve("other.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(fresh().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        DevelopmentKeyPolicy.Verdict verdict = DevelopmentKeyPolicy.decide(false, true, Optional.empty(),
                Optional.of(file.toString()));
        assertTrue(verdict.refused());
        assertTrue(verdict.reason().contains("herald.dev.tokens.enabled"), verdict.reason());
    }

    @Test
    void aRemoteOrMissingKeyIsNotReadAndNotRefused() {
        assertFalse(DevelopmentKeyPolicy.decide(false, false, Optional.empty(),
                Optional.of("https://idp.example/jwks.json")).refused());
        assertFalse(DevelopmentKeyPolicy.decide(false, false, Optional.empty(),
                Optional.of(dir.resolve("absent.pem").toString())).refused());
        assertFalse(DevelopmentKeyPolicy.decide(false, false, Optional.empty(), Optional.empty()).refused());
    }

    static RSAPublicKey fresh() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    static String jwk(RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"n\":\"" + url.encodeToString(unsigned(key.getModulus()))
                + "\",\"e\":\"" + url.encodeToString(unsigned(key.getPublicExponent())) + "\"}";
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}

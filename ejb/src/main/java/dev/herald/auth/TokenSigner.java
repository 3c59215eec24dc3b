package dev.herald.auth;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs MicroProfile JWTs (RS256) with a private key. Herald verifies tokens, it does not issue them: this serves
 * the development token endpoint of the run profile and the integration tests, with the development key pair.
 */
public final class TokenSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    /** @param audience the {@code aud} claim: the server accepts only its configured {@code mp.jwt.verify.audiences} */
    public TokenSigner(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** @param pem a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}) */
    public static TokenSigner fromPem(Path pem, String issuer, String audience) throws IOException {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new TokenSigner(key, issuer, audience);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + pem, e);
        }
    }

    public String sign(TokenRequest request) {
        return sign(claims(request).build());
    }

    /** The claim set {@link #sign(TokenRequest)} signs, for a test to alter (expire it, change its issuer) first. */
    public JsonObjectBuilder claims(TokenRequest request) {
        Instant now = Instant.now();
        return WireJson.json().createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", request.user())
                .add("upn", request.user())
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(request.lifetime()).getEpochSecond())
                .add(Groups.TENANT_CLAIM, request.tenant())
                .add("groups", WireJson.json().createArrayBuilder(request.groups()));
    }

    /** Signs any claim set: the tests forge expired and malformed tokens with it. */
    public String sign(JsonObject claims) {
        JsonObject header = WireJson.json().createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        String signingInput = encode(header.toString()) + "." + encode(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with RS256", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

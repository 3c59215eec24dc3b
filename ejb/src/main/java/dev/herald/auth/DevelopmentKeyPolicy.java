package dev.herald.auth;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether this server may run with what it is configured with: the development key pair in
 * {@code liberty/config/dev-jwt/} is public (its private half is in the repository), so a server that verifies
 * tokens with its public key accepts tokens anyone can sign. Outside development ({@link AuthSettings#DEV_PROFILE}
 * false) that is refused, and so are the demo tokens ({@link AuthSettings#DEV_TOKENS_ENABLED}).
 *
 * <p>The key is recognised by its content, not its path: the SHA-256 of its DER SubjectPublicKeyInfo, read from a
 * PEM {@code PUBLIC KEY} or from the RSA keys of a JWKS, is compared with {@link #DEV_KEY_SHA256}. A copy of the
 * development key elsewhere is still the development key. A key behind an http(s) URL is not fetched here (it is
 * the identity provider's, not a file of this server).
 */
public final class DevelopmentKeyPolicy {

    /** SHA-256 of the DER SubjectPublicKeyInfo of liberty/config/dev-jwt/public.pem (DevelopmentKeyPolicyTest checks it). */
    public static final String DEV_KEY_SHA256 = "ab6255a2a8c5489398c94cc8c0a3642b968081284823a84df957e603b2dd5f59";

    /** MicroProfile JWT's settings for the verification key (Liberty reads them; server.xml sets the location). */
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private DevelopmentKeyPolicy() {
    }

    /**
     * The decision.
     *
     * @param refused    true when the server must not be ready
     * @param reason     why, naming the setting to change (empty when not refused)
     * @param devKey     whether the verification key is the development key
     * @param keySource  where the verification key was read from, for the health data
     */
    public record Verdict(boolean refused, String reason, boolean devKey, String keySource) {
    }

    /**
     * @param devProfile       {@code herald.dev.profile}
     * @param devTokensEnabled {@code herald.dev.tokens.enabled}
     * @param keyFingerprints  SHA-256 fingerprints of the keys tokens are verified with ({@link #fingerprints})
     * @param keySource        where they were read from (shown in the health data)
     */
    public static Verdict decide(boolean devProfile, boolean devTokensEnabled, Set<String> keyFingerprints,
            String keySource) {
        boolean devKey = keyFingerprints.contains(DEV_KEY_SHA256);
        if (devProfile) {
            return new Verdict(false, "", devKey, keySource);
        }
        if (devKey) {
            return new Verdict(true, "tokens are verified with the development public key (" + keySource
                    + "), whose private half is in the repository, and " + AuthSettings.DEV_PROFILE
                    + " is false: set " + PUBLIC_KEY_LOCATION + " (and mp.jwt.verify.issuer, mp.jwt.verify.audiences) to"
                    + " your identity provider's key, or set " + AuthSettings.DEV_PROFILE + "=true on a development"
                    + " server", true, keySource);
        }
        if (devTokensEnabled) {
            return new Verdict(true, AuthSettings.DEV_TOKENS_ENABLED + " is true and " + AuthSettings.DEV_PROFILE
                    + " is false: demo tokens are for development only; set " + AuthSettings.DEV_TOKENS_ENABLED
                    + "=false", false, keySource);
        }
        return new Verdict(false, "", false, keySource);
    }

    /** The decision for the configured key: {@code mp.jwt.verify.publickey} when set, else the location's content. */
    public static Verdict decide(boolean devProfile, boolean devTokensEnabled, Optional<String> inlineKey,
            Optional<String> location) {
        if (inlineKey.filter(k -> !k.isBlank()).isPresent()) {
            return decide(devProfile, devTokensEnabled, fingerprints(inlineKey.get()), PUBLIC_KEY);
        }
        String where = location.filter(l -> !l.isBlank()).orElse("(none)");
        return decide(devProfile, devTokensEnabled, read(location).map(DevelopmentKeyPolicy::fingerprints)
                .orElse(Set.of()), where);
    }

    /** The content of a key file (a path or a file: URL); empty for none, a remote URL or an unreadable file. */
    static Optional<String> read(Optional<String> location) {
        if (location.isEmpty() || location.get().isBlank()) {
            return Optional.empty();
        }
        String value = location.get().trim();
        try {
            Path path;
            if (value.startsWith("file:")) {
                path = Path.of(URI.create(value));
            } else if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !value.matches("^[a-zA-Z]:[\\\\/].*")) {
                return Optional.empty(); // http(s), classpath: the identity provider's or the application's, not read
            } else {
                path = Path.of(value);
            }
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 fingerprints of the public keys in a PEM text or a JWKS / JWK (RSA keys only). */
    public static Set<String> fingerprints(String keyText) {
        Set<String> found = new LinkedHashSet<>();
        String text = keyText.strip();
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            try {
                found.add(sha256(Base64.getMimeDecoder().decode(pem.group(1).replaceAll("\\s", ""))));
            } catch (IllegalArgumentException e) {
                // not base64: not a key
            }
        }
        if (text.startsWith("{")) {
            try (JsonReader reader = WireJson.json().createReader(new StringReader(text))) {
                JsonObject json = reader.readObject();
                if (json.containsKey("keys")) {
                    for (JsonValue key : json.getJsonArray("keys")) {
                        jwk(key.asJsonObject()).ifPresent(found::add);
                    }
                } else {
                    jwk(json).ifPresent(found::add);
                }
            } catch (RuntimeException e) {
                // not a JWKS: no key recognised
            }
        } else if (found.isEmpty() && text.matches("[A-Za-z0-9+/=\\s]+")) {
            try {
                found.add(sha256(Base64.getMimeDecoder().decode(text.replaceAll("\\s", "")))); // bare base64 DER
            } catch (IllegalArgumentException e) {
                // not a key
            }
        }
        return found;
    }

    private static Optional<String> jwk(JsonObject key) {
        if (!"RSA".equals(key.getString("kty", "")) || !key.containsKey("n") || !key.containsKey("e")) {
            return Optional.empty();
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, url.decode(key.getString("n"))),
                    new BigInteger(1, url.decode(key.getString("e"))));
            return Optional.of(sha256(KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.herald.auth;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Herald's own authentication settings: the tenant directory and the development tokens. The one place their names
 * and defaults are written (docs/operations.md documents them; {@code SettingsDocumentedTest} keeps the two equal).
 * The token verification itself ({@code mp.jwt.verify.*}, {@code herald.jwt.clock-skew}) is Liberty's, set in
 * server.xml.
 *
 * @param tenants            {@code slug=uuid} pairs separated by commas; blank for none
 * @param devTokensEnabled   whether {@code POST /api/dev/tokens} signs demo tokens
 * @param devTokensSigningKey the development private key (PKCS#8 PEM file) the demo tokens are signed with
 * @param devProfile         whether this is a development server, which may verify tokens with the public development
 *                           key and sign demo tokens ({@link DevelopmentKeyPolicy})
 */
public record AuthSettings(String tenants, boolean devTokensEnabled, Optional<String> devTokensSigningKey,
        boolean devProfile) {

    /**
     * Tenants are UUIDs on the wire (the consumers require it). A token's tenant claim is the UUID, or a slug that
     * this directory maps: 'acme=&lt;uuid&gt;,globex=&lt;uuid&gt;'; a slug not listed gets a UUID derived from its name.
     */
    public static final String TENANTS = "herald.tenants";
    public static final String DEFAULT_TENANTS = "";

    /** POST /api/dev/tokens signs demo tokens with the development private key: only the run profile turns it on. */
    public static final String DEV_TOKENS_ENABLED = "herald.dev.tokens.enabled";
    public static final boolean DEFAULT_DEV_TOKENS_ENABLED = false;

    /** No default here: server.xml sets it to ${server.config.dir}/dev-jwt/private.pem. Required when enabled. */
    public static final String DEV_TOKENS_SIGNING_KEY = "herald.dev.tokens.signing-key";

    /**
     * This server is a development server: the run profile and the integration-test server set it. Off, a server that
     * verifies tokens with the development key (or signs demo tokens) stays not ready (DevelopmentKeyPolicy).
     */
    public static final String DEV_PROFILE = "herald.dev.profile";
    public static final boolean DEFAULT_DEV_PROFILE = false;

    public AuthSettings {
        tenants = tenants == null ? DEFAULT_TENANTS : tenants;
        TenantDirectory.of(tenants); // a malformed entry fails here, naming herald.tenants
        devTokensSigningKey = devTokensSigningKey == null ? Optional.empty()
                : devTokensSigningKey.filter(key -> !key.isBlank());
        if (devTokensEnabled && devTokensSigningKey.isEmpty()) {
            throw new IllegalArgumentException(DEV_TOKENS_ENABLED + " is true but " + DEV_TOKENS_SIGNING_KEY + " is not set");
        }
    }

    public static AuthSettings defaults() {
        return new AuthSettings(DEFAULT_TENANTS, DEFAULT_DEV_TOKENS_ENABLED, Optional.empty(), DEFAULT_DEV_PROFILE);
    }

    public static AuthSettings from(Config config) {
        return new AuthSettings(
                config.getOptionalValue(TENANTS, String.class).orElse(DEFAULT_TENANTS),
                config.getOptionalValue(DEV_TOKENS_ENABLED, Boolean.class).orElse(DEFAULT_DEV_TOKENS_ENABLED),
                config.getOptionalValue(DEV_TOKENS_SIGNING_KEY, String.class),
                config.getOptionalValue(DEV_PROFILE, Boolean.class).orElse(DEFAULT_DEV_PROFILE));
    }

    /** The tenant directory these settings describe. */
    public TenantDirectory tenantDirectory() {
        return TenantDirectory.of(tenants);
    }
}

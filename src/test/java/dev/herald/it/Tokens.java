package dev.herald.it;

import dev.herald.auth.TokenRequest;
import dev.herald.auth.TokenSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Tokens as the server under test trusts them: signed with the development key pair, issuer herald-dev, audience herald. */
public final class Tokens {

    public static final String ISSUER = "herald-dev";
    public static final String AUDIENCE = "herald";

    private static TokenSigner signer;

    private Tokens() {
    }

    public static synchronized TokenSigner signer() {
        if (signer == null) {
            try {
                signer = TokenSigner.fromPem(Path.of(System.getProperty("herald.it.signing-key",
                        "../../liberty/config/dev-jwt/private.pem")), ISSUER, AUDIENCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return signer;
    }

    /** A token of the tenant with the given groups, valid for ten minutes. */
    public static String of(String tenant, String... groups) {
        return signer().sign(request(tenant, List.of(groups)));
    }

    /** A token of the tenant carrying every tenant group (reader, simulator, admin). */
    public static String tenantAdmin(String tenant) {
        return signer().sign(request(tenant, TokenRequest.ALL_GROUPS));
    }

    /** What {@link #tenantAdmin} signs: a test alters its claims ({@code signer().claims(...)}) to forge odd tokens. */
    public static TokenRequest request(String tenant, List<String> groups) {
        return new TokenRequest(tenant, "it-user@" + tenant, groups, Duration.ofMinutes(10));
    }
}

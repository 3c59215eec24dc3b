package dev.herald.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a tenant id may look like when it comes from a token: the stores key on it, so it is checked once, here. */
public final class TenantIds {

    /** The tenant columns' width: a longer id could not be stored anywhere. */
    public static final int MAX_LENGTH = 64;

    /** Letters, digits and {@code . _ : -}, starting with a letter or digit: "*" (the catalog's system tenant) never passes. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (MAX_LENGTH - 1) + "}");

    private TenantIds() {
    }

    /** @param claim the token's tenant claim as the JWT library gives it (a String, or a JSON string) */
    public static Optional<String> fromClaim(Object claim) {
        // A number or a boolean is no tenant, even where its text would pass as a slug: a tenant is named by a string.
        String value;
        if (claim instanceof String text) {
            value = text;
        } else if (claim instanceof jakarta.json.JsonString json) {
            value = json.getString();
        } else {
            return Optional.empty();
        }
        return TENANT_ID.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}

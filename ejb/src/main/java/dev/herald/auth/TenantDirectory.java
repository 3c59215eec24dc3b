package dev.herald.auth;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Herald's tenants are UUIDs on the wire, as the existing consumers require; people type slugs such as {@code acme}.
 * The directory maps a slug to its tenant id: the id configured for it ({@code herald.tenants=acme=<uuid>,...}), else
 * one derived from the slug by name (RFC 4122 version 3), so that every node, token and test agrees on the id of an
 * unconfigured slug without a shared table. A UUID is its own tenant id.
 */
public final class TenantDirectory {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String NAMESPACE = "herald:tenant:";

    private final Map<String, String> idBySlug;

    private TenantDirectory(Map<String, String> idBySlug) {
        this.idBySlug = Map.copyOf(idBySlug);
    }

    /** A directory of derived ids only. */
    public static TenantDirectory derived() {
        return new TenantDirectory(Map.of());
    }

    /**
     * @param configured {@code slug=uuid} pairs separated by commas (blank for none)
     * @throws IllegalArgumentException naming the pair that is not a valid slug and UUID
     */
    public static TenantDirectory of(String configured) {
        Map<String, String> ids = new HashMap<>();
        if (configured != null && !configured.isBlank()) {
            for (String pair : configured.split(",")) {
                String[] parts = pair.split("=", 2);
                String slug = parts[0].strip();
                String id = parts.length == 2 ? parts[1].strip() : "";
                if (TenantIds.fromClaim(slug).isEmpty() || isUuid(slug) || !isUuid(id)) {
                    throw new IllegalArgumentException(AuthSettings.TENANTS + ": '" + pair.strip()
                            + "' is not slug=uuid (a slug of letters, digits and . _ : -, then a UUID)");
                }
                ids.put(slug.toLowerCase(Locale.ROOT), id.toLowerCase(Locale.ROOT));
            }
        }
        return new TenantDirectory(ids);
    }

    /** The tenant id a token's claim or a payload's {@code tenantId} names: the UUID itself, or the slug's id. */
    public String idOf(String slugOrId) {
        if (isUuid(slugOrId)) {
            return slugOrId.toLowerCase(Locale.ROOT);
        }
        String slug = slugOrId.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(idBySlug.get(slug)).orElseGet(() -> derive(slug));
    }

    public static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    private static String derive(String slug) {
        return UUID.nameUUIDFromBytes((NAMESPACE + slug).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package dev.herald.reference.changes;

import java.util.UUID;
import java.util.regex.Pattern;

/** The input checks the domain services share; each refuses with a {@link RefusedChangeException} naming the field. */
public final class Require {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Require() {
    }

    public static String uuid(String value, String field) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new RefusedChangeException(field + " must be a UUID, was " + value);
        }
        return value;
    }

    /** Null passes (the field is optional); anything else must be a UUID. */
    public static String optionalUuid(String value, String field) {
        return value == null ? null : uuid(value, field);
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RefusedChangeException(field + " is required");
        }
        return value;
    }

    /** An id the domain already checked (or generated), as the typed events carry it; null stays null. */
    public static UUID id(String checked) {
        return checked == null ? null : UUID.fromString(checked);
    }
}

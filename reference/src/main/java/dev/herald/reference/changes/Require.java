package dev.herald.reference.changes;

import dev.herald.publish.Uuids;

/** The input checks the domain services share; each refuses with a {@link RefusedChangeException} naming the field. */
public final class Require {

    private Require() {
    }

    public static String uuid(String value, String field) {
        if (!Uuids.isUuid(value)) {
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
}

package dev.herald.kernel;

import java.util.regex.Pattern;

/** The one UUID test of the wire format (8-4-4-4-12 hex), without the exception {@code UUID.fromString} throws per miss. */
public final class Uuids {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    public static boolean isUuid(String value) {
        return value != null && value.length() == 36 && UUID.matcher(value).matches();
    }
}

package dev.herald.codegen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payload schema reference such as {@code payload.TicketCreated.v1}: the catalog's {@code payloadSchemaRef}, the
 * schema's file name without {@code .json} and the tail of its {@code $id}.
 */
record SchemaRef(String name, int version) {

    private static final Pattern FORM = Pattern.compile("payload\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    static SchemaRef parse(String ref) {
        Matcher m = FORM.matcher(ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a payload schema reference (payload.<Name>.v<N>): " + ref);
        }
        return new SchemaRef(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** {@code TicketCreated} for v1, {@code TicketCreatedV2} above, so that adding v2 never renames the v1 record. */
    String className() {
        return version == 1 ? name : name + "V" + version;
    }

    SchemaRef next() {
        return new SchemaRef(name, version + 1);
    }

    String fileName() {
        return "payload." + name + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return "payload." + name + ".v" + version;
    }
}

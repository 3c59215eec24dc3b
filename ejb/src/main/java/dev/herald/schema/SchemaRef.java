package dev.herald.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a payload schema ref: {@code payload.TicketCreated.v2} is name {@code TicketCreated}, version 2. */
record SchemaRef(String name, int version) {

    static final String ID_PREFIX = "urn:herald:schema:";
    private static final Pattern REF = Pattern.compile("payload\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]{0,8})");

    static SchemaRef parse(String ref) {
        Matcher m = REF.matcher(ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + ref + "' is not a payload schema ref (payload.<PascalCaseName>.v<N>)");
        }
        return new SchemaRef(m.group(1), Integer.parseInt(m.group(2)));
    }

    String ref() {
        return "payload." + name + ".v" + version;
    }

    /** The $id a schema file must declare, so that a copied file cannot silently shadow another version. */
    String id() {
        return ID_PREFIX + ref();
    }
}

package dev.herald.schema;

/**
 * A schema, the index or the catalog could not be loaded at start-up. The message always names the resource,
 * because a registry that starts with a broken schema would refuse (or worse, accept) events much later.
 */
public class SchemaLoadException extends RuntimeException {

    private final String resource;

    public SchemaLoadException(String resource, String problem) {
        super(resource + ": " + problem);
        this.resource = resource;
    }

    public SchemaLoadException(String resource, String problem, Throwable cause) {
        super(resource + ": " + problem, cause);
        this.resource = resource;
    }

    /** Class-path name of the file that is broken. */
    public String resource() {
        return resource;
    }
}

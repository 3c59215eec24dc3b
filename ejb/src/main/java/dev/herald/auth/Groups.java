package dev.herald.auth;

/**
 * The groups a token may carry; each is a role of the same name. Within its tenant a reader looks, a simulator also
 * fires events and drives workflows and the reference services, an admin also changes the tenant's catalog. An
 * operator runs the platform itself (relay failures, dead letters, raw streams), which spans tenants.
 */
public final class Groups {

    public static final String READER = "reader";
    public static final String SIMULATOR = "simulator";
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";

    /** The claim that names the caller's tenant. */
    public static final String TENANT_CLAIM = "tenant";

    private Groups() {
    }
}

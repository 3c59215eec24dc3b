package dev.herald.reference.tickets;

/** An entity that belongs to one tenant: another tenant's is as absent as a missing one. */
public interface TenantOwned {

    String getTenantId();
}

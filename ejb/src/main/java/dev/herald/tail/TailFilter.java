package dev.herald.tail;

import dev.herald.kernel.WireJson;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events one live-tail client sees: its own tenant's only, and of the listed types (none listed = every type).
 * A type no event carries is allowed: it simply never matches.
 */
public record TailFilter(String tenant, Set<String> types) {

    public static final int MAX_TYPES = 100;

    public TailFilter {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
        types = Set.copyOf(types);
    }

    /**
     * @param lists the values of every {@code types} parameter, each a comma-separated list (absent or empty = every
     *              type)
     * @throws IllegalArgumentException for an empty item ({@code types=}, {@code A,,B}, a trailing comma) or more
     *                                  than {@link #MAX_TYPES} types
     */
    public static TailFilter of(String tenant, Collection<String> lists) {
        Set<String> types = new LinkedHashSet<>();
        for (String list : lists == null ? List.<String>of() : lists) {
            for (String item : list.split(",", -1)) {
                String type = item.strip();
                if (type.isEmpty()) {
                    throw new IllegalArgumentException("types holds an empty item: '" + list
                            + "' (leave the parameter out for every type)");
                }
                types.add(type);
            }
        }
        if (types.size() > MAX_TYPES) {
            throw new IllegalArgumentException("types names " + types.size() + " types; at most " + MAX_TYPES);
        }
        return new TailFilter(tenant, types);
    }

    /** What the client subscribed to, as JSON: {@code {"tenantId","types"}} ({@code types} empty = every type). */
    public String json() {
        return WireJson.write(WireJson.builders().createObjectBuilder().add("tenantId", tenant)
                .add("types", WireJson.builders().createArrayBuilder(types.stream().sorted().toList())).build());
    }

    public boolean matches(TailEvent event) {
        return tenant.equals(event.tenantId()) && (types.isEmpty() || types.contains(event.eventType()));
    }
}

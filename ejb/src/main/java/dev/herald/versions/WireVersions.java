package dev.herald.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Which versions of each event type go on the wire ({@code herald.wire.versions}), the one place the setting's name
 * and default are written (docs/operations.md documents it; docs/wire-format.md "Versions on the wire" says where each
 * version goes). A type not named goes as v1 only, as every type did before versions existed.
 *
 * <p>The value lists {@code TYPE=versions} pairs separated by commas: {@code TICKET_CREATED=both}, where the
 * versions are {@code v1}, {@code both} (v1 and v2) or several joined by {@code +} ({@code v1+v3}). Every list must
 * hold v1: the consumers' keys and the workflow stream are read by v1 readers, so a type never leaves them.
 *
 * @param byType the versions of each named type, ascending
 */
public record WireVersions(Map<String, List<Integer>> byType) {

    public static final String VERSIONS = "herald.wire.versions";
    public static final String DEFAULT_VERSIONS = "";

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,3})");
    private static final List<Integer> FIRST_ONLY = List.of(1);

    public WireVersions {
        byType = Map.copyOf(byType);
    }

    public static WireVersions defaults() {
        return parse(DEFAULT_VERSIONS);
    }

    public static WireVersions from(Config config) {
        return parse(config.getOptionalValue(VERSIONS, String.class).orElse(DEFAULT_VERSIONS));
    }

    /** @throws IllegalArgumentException naming the property and the pair that is wrong */
    public static WireVersions parse(String value) {
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (String pair : value == null ? new String[0] : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split("=", -1);
            if (parts.length != 2 || !EVENT_TYPE.matcher(parts[0].trim()).matches()) {
                throw invalid("'" + pair.trim() + "' is not TYPE=versions (e.g. TICKET_CREATED=both)");
            }
            String type = parts[0].trim();
            if (byType.put(type, versions(type, parts[1].trim())) != null) {
                throw invalid(type + " is named twice");
            }
        }
        return new WireVersions(byType);
    }

    private static List<Integer> versions(String type, String text) {
        TreeSet<Integer> versions = new TreeSet<>();
        for (String part : (text.equals("both") ? "v1+v2" : text).split("\\+", -1)) {
            var m = VERSION.matcher(part.trim());
            if (!m.matches()) {
                throw invalid(type + "=" + text + ": '" + part.trim() + "' is not a version (v1, v2, ..., or both)");
            }
            versions.add(Integer.parseInt(m.group(1)));
        }
        if (!versions.contains(1)) {
            throw invalid(type + "=" + text + ": v1 must stay on the wire (the consumers' keys and the workflow stream"
                    + " are read by v1 readers); use " + type + "=v1+" + text);
        }
        return List.copyOf(new ArrayList<>(versions));
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(VERSIONS + ": " + why);
    }

    /** The versions of the type on the wire, ascending; v1 alone for a type the setting does not name. */
    public List<Integer> of(String eventType) {
        return byType.getOrDefault(eventType, FIRST_ONLY);
    }

    /**
     * These settings, once every version they put on the wire can be made from a v1 publish.
     *
     * @throws IllegalArgumentException naming the type and the missing upcaster
     */
    public WireVersions checkedAgainst(EventVersions versions) {
        byType.forEach((type, list) -> {
            int highest = list.get(list.size() - 1);
            if (!versions.canConvert(type, 1, highest)) {
                throw invalid(type + " puts v" + highest + " on the wire, but no upcaster chain leads there from v1");
            }
        });
        return this;
    }
}

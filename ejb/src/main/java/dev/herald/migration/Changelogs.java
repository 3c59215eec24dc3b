package dev.herald.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Which changelogs run, and in which order. Every module that owns tables ships its changelog at {@link #RESOURCE};
 * the EAR's EJB modules and libraries share one class loader, so {@code getResources} finds each module's copy (a
 * class loader cannot list a folder portably, hence one fixed name and the module's name inside the file). The
 * platform's ({@link #PLATFORM}) runs first, then the others by name; two changelogs of one name are refused.
 */
final class Changelogs {

    static final String RESOURCE = "META-INF/herald/migrations/changelog.xml";
    static final String PLATFORM = "herald";

    private Changelogs() {
    }

    static List<Changelog> find(ClassLoader loader) {
        List<Changelog> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    found.add(Changelog.read(url, in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the changelogs at " + RESOURCE, e);
        }
        return order(found);
    }

    static List<Changelog> order(List<Changelog> changelogs) {
        List<Changelog> ordered = new ArrayList<>(changelogs);
        ordered.sort(Comparator.comparing((Changelog c) -> !c.name().equals(PLATFORM)).thenComparing(Changelog::name));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).name().equals(ordered.get(i - 1).name())) {
                throw new IllegalStateException("two changelogs are named " + ordered.get(i).name() + ": "
                        + ordered.get(i - 1).source() + " and " + ordered.get(i).source());
            }
        }
        if (ordered.isEmpty() || !ordered.get(0).name().equals(PLATFORM)) {
            throw new IllegalStateException("the platform's changelog (" + PLATFORM + ") is not on the class path at "
                    + RESOURCE);
        }
        return List.copyOf(ordered);
    }
}

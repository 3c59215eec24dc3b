package dev.herald.migration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import liquibase.resource.AbstractResource;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;

/**
 * Serves the changelogs to Liquibase under their own names ({@code herald.xml}, {@code herald-reference.xml}): every
 * module's file has the same class-path name, so Liquibase's class-path accessor could not tell them apart. A
 * changelog is one file; nothing else is served (no includes).
 */
final class ChangelogResources extends AbstractResourceAccessor {

    private final Map<String, Changelog> byPath;

    ChangelogResources(List<Changelog> changelogs) {
        this.byPath = changelogs.stream().collect(Collectors.toMap(ChangelogResources::path, Function.identity()));
    }

    static String path(Changelog changelog) {
        return changelog.name() + ".xml";
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        return List.of();
    }

    @Override
    public List<Resource> getAll(String path) {
        Changelog changelog = byPath.get(path);
        return changelog == null ? List.of() : List.of(new InMemory(path, changelog));
    }

    @Override
    public List<String> describeLocations() {
        return byPath.values().stream().map(c -> String.valueOf(c.source())).toList();
    }

    @Override
    public void close() {
    }

    private static final class InMemory extends AbstractResource {
        private final byte[] content;

        InMemory(String path, Changelog changelog) {
            super(path, URI.create("herald-changelog:/" + path));
            this.content = changelog.content();
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public Resource resolve(String other) {
            throw new UnsupportedOperationException("a Herald changelog is one file: " + other);
        }

        @Override
        public Resource resolveSibling(String other) {
            throw new UnsupportedOperationException("a Herald changelog is one file: " + other);
        }
    }
}

package dev.herald.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogsTest {

    @TempDir
    Path dir;

    @Test
    void findsEveryModulesChangelogPlatformFirstThenByName() throws IOException {
        URL zeta = module("zeta", "zeta-domain");
        URL platform = module("platform", "herald");
        URL alpha = module("alpha", "alpha-domain");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {zeta, platform, alpha}, null)) {
            List<Changelog> found = Changelogs.find(loader);
            assertEquals(List.of("herald", "alpha-domain", "zeta-domain"), found.stream().map(Changelog::name).toList());
            assertTrue(found.get(0).source().toString().contains("/platform/"), found.get(0).source().toString());
        }
    }

    @Test
    void theShippedPlatformChangelogIsFound() {
        List<Changelog> found = Changelogs.find(getClass().getClassLoader());
        assertEquals("herald", found.get(0).name());
    }

    @Test
    void twoChangelogsOfOneNameAreRefused() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {module("a", "herald"), module("b", "billing"),
                module("c", "billing")}, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Changelogs.find(loader));
            assertTrue(e.getMessage().startsWith("two changelogs are named billing"), e.getMessage());
        }
    }

    @Test
    void withoutThePlatformsChangelogNothingRuns() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {module("a", "billing")}, null)) {
            assertThrows(IllegalStateException.class, () -> Changelogs.find(loader));
        }
    }

    @Test
    void aChangelogMustNameItself() {
        byte[] unnamed = "<databaseChangeLog xmlns='http://www.liquibase.org/xml/ns/dbchangelog'/>".getBytes(StandardCharsets.UTF_8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Changelog.logicalName("x.xml", unnamed));
        assertTrue(e.getMessage().contains("logicalFilePath"), e.getMessage());
        byte[] other = "<project/>".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> Changelog.logicalName("x.xml", other));
        byte[] upper = "<databaseChangeLog logicalFilePath='Billing'/>".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> Changelog.logicalName("x.xml", upper));
    }

    private URL module(String folder, String name) throws IOException {
        Path file = dir.resolve(folder).resolve(Changelogs.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<?xml version='1.0' encoding='UTF-8'?>\n<databaseChangeLog"
                + " xmlns='http://www.liquibase.org/xml/ns/dbchangelog' logicalFilePath='" + name + "'/>\n");
        return dir.resolve(folder).toUri().toURL();
    }
}

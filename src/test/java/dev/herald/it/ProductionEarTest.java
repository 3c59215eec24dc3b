package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The production EAR the ear module built carries no test probe: no probe archive, no class of dev.herald.probes in
 * any of its modules or libraries, no /probes context root. A unit test (surefire, no server): it runs in every
 * {@code mvn verify} of this module, after the ear module packaged the EAR.
 */
class ProductionEarTest {

    private static final String PROBES = "dev/herald/probes/";

    @Test
    void theProductionEarHasNoProbe() throws IOException {
        File built = new File(System.getProperty("herald.ear", "../../ear/target/herald.ear"));
        assertTrue(built.isFile(), "no EAR at " + built.getAbsolutePath() + ": build the ear module first");
        List<String> probes = new ArrayList<>();
        int archives = 0;
        try (ZipFile ear = new ZipFile(built)) {
            for (ZipEntry entry : java.util.Collections.list(ear.entries())) {
                if (entry.getName().contains("probes")) {
                    probes.add(entry.getName());
                }
                if (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war")) {
                    archives++;
                    try (InputStream in = ear.getInputStream(entry)) {
                        probeClasses(entry.getName(), new ZipInputStream(in), probes);
                    }
                }
            }
            String applicationXml = new String(ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertFalse(applicationXml.contains("probes"), applicationXml);
        }
        assertTrue(archives > 2, "read the modules and libraries of " + built);
        assertEquals(List.of(), probes, "test probes in the production EAR (built with -Pprobes? rebuild without it)");
    }

    private static void probeClasses(String archive, ZipInputStream in, List<String> probes) throws IOException {
        for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            String name = entry.getName();
            // dev.herald.probes, and the packages the probes had before their module (dev.herald.*.probe)
            if (name.endsWith(".class") && (name.contains(PROBES) || name.contains("/probe/"))) {
                probes.add(archive + "!/" + name);
            }
        }
    }
}

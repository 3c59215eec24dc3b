package dev.herald.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The EAR the build produced, byte for byte, plus one EAR library: the probes' subscribers
 * ({@code probes/subscribers}), whose {@code DeliveryLedgerProbe} records every delivery in the shared database. A
 * library in {@code lib/} needs no change to application.xml; the production EAR never carries it.
 */
final class ScaleOutEar {

    static final String PROBES_LIBRARY = "lib/herald-probes-subscribers.jar";

    private ScaleOutEar() {
    }

    static Path build(Path builtEar, Path probesLibrary, Path target) throws IOException {
        for (Path input : new Path[] {builtEar, probesLibrary}) {
            if (!Files.isRegularFile(input)) {
                throw new IllegalStateException("no archive at " + input + ": build the ear and probes/subscribers modules"
                        + " first (mvn -Pscaleout verify -pl scaleout -am)");
            }
        }
        Files.createDirectories(target.getParent());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(builtEar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(PROBES_LIBRARY)) {
                    throw new IllegalStateException("the built EAR already carries the probes (built with -Pprobes?)");
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(PROBES_LIBRARY));
            try (InputStream library = Files.newInputStream(probesLibrary)) {
                library.transferTo(out);
            }
            out.closeEntry();
        }
        return target;
    }

}

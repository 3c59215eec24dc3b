package dev.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The EAR the build produced, as it is, plus the test probes, which the production EAR never carries: the probes
 * WAR ({@code probes/}, context root {@code /probes}) as one more web module and its subscribers
 * ({@code probes/subscribers}) as one more EAR library.
 *
 * <p>Why here and not a second EAR built by Maven: every production module and library the tests run is the one of
 * the production EAR, byte for byte, whatever the ear module comes to hold; a second EAR would repeat the ear
 * module's module list and could drift from it. What is added is two archives and one {@code <module>} of
 * application.xml, all visible below.
 */
final class HeraldDeployment {

    static final String PROBES_WAR = "herald-probes.war";
    static final String PROBES_CONTEXT_ROOT = "/probes";
    static final String PROBES_SUBSCRIBERS = "herald-probes-subscribers.jar";

    private HeraldDeployment() {
    }

    static EnterpriseArchive builtEar() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                built("herald.ear", "../../ear/target/herald.ear", "the ear module"));
        if (ear.contains(PROBES_WAR)) {
            throw new IllegalStateException("the built EAR already carries the probes (built with -Pprobes?): rebuild"
                    + " the ear module without that profile");
        }
        ear.addAsModule(built("herald.probes.war", "../../probes/target/" + PROBES_WAR, "the probes module"), PROBES_WAR);
        ear.addAsLibrary(built("herald.probes.subscribers", "../../probes/subscribers/target/" + PROBES_SUBSCRIBERS,
                "the probes/subscribers module"), PROBES_SUBSCRIBERS);
        String applicationXml = read(ear, "META-INF/application.xml");
        String probesModule = "  <module>\n    <web>\n      <web-uri>" + PROBES_WAR + "</web-uri>\n      <context-root>"
                + PROBES_CONTEXT_ROOT + "</context-root>\n    </web>\n  </module>\n";
        int at = applicationXml.indexOf("  <library-directory>");
        if (at < 0) {
            at = applicationXml.indexOf("</application>");
        }
        ear.setApplicationXML(new StringAsset(applicationXml.substring(0, at) + probesModule + applicationXml.substring(at)));
        return ear;
    }

    private static File built(String property, String defaultPath, String module) {
        File file = new File(System.getProperty(property, defaultPath));
        if (!file.isFile()) {
            throw new IllegalStateException("no archive at " + file.getAbsolutePath() + ": build " + module + " first");
        }
        return file;
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
 * The EAR the build produced, as it is, plus what the production EAR never carries: the test probes (the probes WAR,
 * {@code probes/}, context root {@code /probes}, and its subscribers, {@code probes/subscribers}, as one more EAR
 * library), and the sample application of docs/using-herald.md (an EJB module and a WAR at {@code /notes-sample}),
 * added as a team adds its own modules to an EAR with Herald.
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
    static final String SAMPLE_EJB = "herald-sample-notes-ejb.jar";
    static final String SAMPLE_WAR = "herald-sample-notes-web.war";
    static final String SAMPLE_CONTEXT_ROOT = "/notes-sample";

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
        ear.addAsModule(built("herald.sample.ejb", "../../samples/notes-ejb/target/" + SAMPLE_EJB,
                "the samples/notes-ejb module"), SAMPLE_EJB);
        ear.addAsModule(built("herald.sample.war", "../../samples/notes-web/target/" + SAMPLE_WAR, "the samples/notes-web module"),
                SAMPLE_WAR);
        String applicationXml = read(ear, "META-INF/application.xml");
        String addedModules = webModule(PROBES_WAR, PROBES_CONTEXT_ROOT) + "  <module>\n    <ejb>" + SAMPLE_EJB
                + "</ejb>\n  </module>\n" + webModule(SAMPLE_WAR, SAMPLE_CONTEXT_ROOT);
        int at = applicationXml.indexOf("  <library-directory>");
        if (at < 0) {
            at = applicationXml.indexOf("</application>");
        }
        ear.setApplicationXML(new StringAsset(applicationXml.substring(0, at) + addedModules + applicationXml.substring(at)));
        return ear;
    }

    private static String webModule(String war, String contextRoot) {
        return "  <module>\n    <web>\n      <web-uri>" + war + "</web-uri>\n      <context-root>" + contextRoot
                + "</context-root>\n    </web>\n  </module>\n";
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
